package capture

import (
	"encoding/binary"
	"fmt"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
)

// LayerTypeLinuxSLL2 is the gopacket layer type of LinuxSLL2. gopacket
// v1.1.19 knows only the first version of the Linux cooked header.
var LayerTypeLinuxSLL2 = gopacket.RegisterLayerType(2276, gopacket.LayerTypeMetadata{
	Name:    "LinuxSLL2",
	Decoder: gopacket.DecodeFunc(decodeLinuxSLL2),
})

// LinuxSLL2 is the 20-byte Linux cooked capture header, version 2
// (https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL2.html): protocol,
// reserved, interface index, ARPHRD type, packet type, address length and up
// to 8 bytes of link-layer address.
type LinuxSLL2 struct {
	layers.BaseLayer
	Protocol       layers.EthernetType
	InterfaceIndex uint32
	ARPHRDType     uint16
	PacketType     layers.LinuxSLLPacketType
	AddrLen        uint8
	Addr           [8]byte
}

// LayerType returns LayerTypeLinuxSLL2.
func (s *LinuxSLL2) LayerType() gopacket.LayerType { return LayerTypeLinuxSLL2 }

// CanDecode returns LayerTypeLinuxSLL2.
func (s *LinuxSLL2) CanDecode() gopacket.LayerClass { return LayerTypeLinuxSLL2 }

// NextLayerType is the layer type of the protocol the header announces.
func (s *LinuxSLL2) NextLayerType() gopacket.LayerType { return s.Protocol.LayerType() }

// DecodeFromBytes fills s from the first 20 bytes of data.
func (s *LinuxSLL2) DecodeFromBytes(data []byte, df gopacket.DecodeFeedback) error {
	if len(data) < 20 {
		df.SetTruncated()
		return fmt.Errorf("Linux SLL2 header needs 20 bytes, have %d", len(data))
	}
	s.Protocol = layers.EthernetType(binary.BigEndian.Uint16(data[0:2]))
	s.InterfaceIndex = binary.BigEndian.Uint32(data[4:8])
	s.ARPHRDType = binary.BigEndian.Uint16(data[8:10])
	s.PacketType = layers.LinuxSLLPacketType(data[10])
	s.AddrLen = data[11]
	copy(s.Addr[:], data[12:20])
	s.BaseLayer = layers.BaseLayer{Contents: data[:20], Payload: data[20:]}
	return nil
}

func decodeLinuxSLL2(data []byte, p gopacket.PacketBuilder) error {
	s := &LinuxSLL2{}
	if err := s.DecodeFromBytes(data, p); err != nil {
		return err
	}
	p.AddLayer(s)
	return p.NextDecoder(s.Protocol)
}
