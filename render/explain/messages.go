package explain

// Keys of the catalogue. The string of a key is its name in test output
// and in the "{key}" a missing translation renders as.
const (
	// Words and units.
	kClient, kServer, kClientCap, kServerCap Key = "client", "server", "client.cap", "server.cap"
	kLineRef, kPacketRef                     Key = "ref.line", "ref.packet"
	kListSep, kListLast, kSeriesSep          Key = "list.sep", "list.last", "series.sep"
	kMicroseconds, kMilliseconds             Key = "unit.us", "unit.ms"
	kSeconds, kMinutes                       Key = "unit.s", "unit.min"
	kUnknownTime                             Key = "unit.unknown"
	kArithOK, kArithBad                      Key = "arith.ok", "arith.bad"

	// Any segment.
	kCopy, kIdle, kNothingNew, kNoFlags Key = "copy", "idle", "nothing-new", "no-flags"
	kMidstream, kRolePort, kRoleFirst   Key = "midstream", "role.port", "role.first"
	kFinding, kStates, kStateItem       Key = "finding", "states", "state.item"
	kFindingAbout                       Key = "finding.about"
	kPush, kUrgent                      Key = "flag.push", "flag.urg"
	kECNAsk, kECNAgree, kECE, kCWR      Key = "ecn.ask", "ecn.agree", "flag.ece", "flag.cwr"

	// The handshake.
	kSYN, kSYNFromServer, kSYNAgain, kSYNWindow         Key = "syn", "syn.server", "syn.again", "syn.window"
	kOffers, kOffersNone                                Key = "offers", "offers.none"
	kOptMSS, kOptSACK, kOptTS, kOptWScale, kOptTFO      Key = "opt.mss", "opt.sack", "opt.ts", "opt.wscale", "opt.tfo"
	kSYNACK, kSYNACKNoSYN, kSYNACKNoAck, kSYNACKAgain   Key = "synack", "synack.nosyn", "synack.noack", "synack.again"
	kSinceSYN, kScaleOn, kScaleOff                      Key = "since-syn", "scale.on", "scale.off"
	kSinceSYNs                                          Key = "since-syns"
	kHandshakeAck, kHandshakeAckBad, kHandshakeAckNoISN Key = "hs-ack", "hs-ack.bad", "hs-ack.noisn"

	// Data, acknowledgements, windows.
	kData, kDataAbs, kInFlight                        Key = "data", "data.abs", "inflight"
	kKeepAlive, kZeroWindowProbe                      Key = "keep-alive", "zero-window-probe"
	kRetransmission, kSpurious                        Key = "retrans", "retrans.spurious"
	kBehind, kBehindAbs, kGap, kGapAbs                Key = "behind", "behind.abs", "gap", "gap.abs"
	kAckData, kAckDataAbs, kDupAck                    Key = "ack", "ack.abs", "ack.dup"
	kCoversOne, kCoversMany                           Key = "covers.one", "covers.many"
	kStillInFlight, kNoneInFlight                     Key = "inflight.still", "inflight.none"
	kZeroWindow, kWindowScaled                        Key = "win.zero", "win.scaled"
	kWindowScaledWas, kWindowWas, kWindowUnknownScale Key = "win.scaled.was", "win.was", "win.unknown-scale"

	// The close and resets.
	kCloseStep, kCloseCombined, kCloseCross Key = "close.step", "close.combined", "close.cross"
	kFIN, kFINAbs, kFINAgain, kFINAcked     Key = "fin", "fin.abs", "fin.again", "fin.acked"
	kHalfClose, kBothClosed, kActiveClose   Key = "half-close", "both-closed", "active-close"
	kSimultaneous, kTimeWait, kBothTimeWait Key = "simultaneous", "time-wait", "time-wait.both"
	kEntersTimeWait                         Key = "time-wait.enter"
	kRefused, kRSTAcks, kRSTAfterClose      Key = "rst.refused", "rst.acks", "rst.after-close"
	kAbort, kAbortHandshake, kUnacked       Key = "rst.abort", "rst.abort.handshake", "rst.unacked"

	// Summaries and document parts.
	kSumHead, kSumHeadMid, kSumRTT, kSumNoRTT    Key = "sum.head", "sum.head.mid", "sum.rtt", "sum.nortt"
	kSumHeadRefused, kSumHeadUnanswered          Key = "sum.head.refused", "sum.head.unanswered"
	kSumBytes, kSumEnd, kSumStates               Key = "sum.bytes", "sum.end", "sum.states"
	kSumNoFindings, kSumFindings, kRuleCount     Key = "sum.nofindings", "sum.findings", "sum.rule"
	kConnTag, kTitle, kSummaryTitle, kDiagramAlt Key = "doc.conn", "doc.title", "doc.summary", "doc.diagram"
	kLateFinding                                 Key = "doc.late-finding"
	kHint                                        Key = "hint"
)

// messages is the catalogue: every sentence and phrase explain prints, in
// every language, as fmt format strings with explicit argument indexes
// (%[1]d) so that a language may order the arguments its own way. A new
// language is a new column here and nothing else; TestCatalogue keeps
// every key in every language with the same verbs.
var messages = map[Key]map[Lang]string{
	kClient:       {English: "client", Chinese: "客户端"},
	kServer:       {English: "server", Chinese: "服务器端"},
	kClientCap:    {English: "Client", Chinese: "客户端"},
	kServerCap:    {English: "Server", Chinese: "服务器端"},
	kLineRef:      {English: "line %[1]d", Chinese: "第 %[1]d 行"},
	kPacketRef:    {English: "packet %[1]d", Chinese: "第 %[1]d 个包"},
	kListSep:      {English: ", ", Chinese: "、"},
	kListLast:     {English: "%[1]s and %[2]s", Chinese: "%[1]s和%[2]s"},
	kSeriesSep:    {English: "; ", Chinese: "；"},
	kMicroseconds: {English: "%[1]d µs", Chinese: "%[1]d 微秒"},
	kMilliseconds: {English: "%[1]s ms", Chinese: "%[1]s 毫秒"},
	kSeconds:      {English: "%[1]s s", Chinese: "%[1]s 秒"},
	kMinutes:      {English: "%[1]s min", Chinese: "%[1]s 分钟"},
	kUnknownTime:  {English: "an unknown time (the input has no timestamps)", Chinese: "未知的时长（输入没有时间戳）"},
	kArithOK:      {English: "%[1]s = %[2]d ✓", Chinese: "%[1]s = %[2]d ✓"},
	kArithBad:     {English: "%[3]d ✗ (expected %[1]s = %[2]d)", Chinese: "%[3]d ✗（应为 %[1]s = %[2]d）"},

	kCopy: {
		English: `The same packet again, seen on another interface of an "-i any" capture; it is counted once.`,
		Chinese: "同一个包在另一个网卡上又被抓到一次（-i any 抓包），只计一次。"},
	kIdle: {
		English: "The connection was idle for %[1]s before this segment.",
		Chinese: "此前连接空闲了 %[1]s。"},
	kNothingNew: {
		English: "The %[1]s sends a segment with flags [%[2]s] that changes nothing.",
		Chinese: "%[1]s发送了一个标志为 [%[2]s] 的报文段，没有带来新的变化。"},
	kNoFlags: {
		English: "The %[1]s sends %[2]d bytes; the log shows no flags or numbers (tcpdump -q), so there is little more to say.",
		Chinese: "%[1]s发送了 %[2]d 字节；日志没有显示标志位和序列号（tcpdump -q），无法进一步解读。"},
	kMidstream: {
		English: "No handshake in the log: the connection was already open. %[1]s",
		Chinese: "日志中没有三次握手：连接此前已经建立。%[1]s"},
	kRolePort: {
		English: "The server is %[1]s, because port %[2]d is the well-known one; the client is %[3]s.",
		Chinese: "服务器端是 %[1]s，因为 %[2]d 是知名端口；客户端是 %[3]s。"},
	kRoleFirst: {
		English: "The sender of the first segment, %[1]s, is taken as the client, and %[2]s as the server.",
		Chinese: "第一个报文段的发送方 %[1]s 被视为客户端，%[2]s 为服务器端。"},
	kFinding: {
		English: "Finding %[1]s (%[2]s): %[3]s",
		Chinese: "检查发现 %[1]s（%[2]s）：%[3]s"},
	kFindingAbout: {
		English: "Finding about %[1]s, reached only now: %[2]s (%[3]s): %[4]s",
		Chinese: "关于%[1]s的检查发现（现在才得出）：%[2]s（%[3]s）：%[4]s"},
	kStates:    {English: "%[1]s.", Chinese: "%[1]s。"},
	kStateItem: {English: "%[1]s: %[2]s → %[3]s", Chinese: "%[1]s：%[2]s → %[3]s"},
	kPush: {
		English: "PUSH: the receiver should hand the data to the application now.",
		Chinese: "PSH（数据推送）：接收方应立即把数据交给应用程序。"},
	kUrgent: {
		English: "URG: urgent data, urgent pointer %[1]d.",
		Chinese: "URG：紧急数据，紧急指针 %[1]d。"},
	kECNAsk: {
		English: "ECE and CWR on a SYN: the client asks to use ECN (explicit congestion notification).",
		Chinese: "SYN 包带 ECE 和 CWR：客户端请求使用 ECN（显式拥塞通知）。"},
	kECNAgree: {
		English: "ECE on the SYN-ACK: the server agrees to use ECN.",
		Chinese: "SYN+ACK 包带 ECE：服务器端同意使用 ECN。"},
	kECE: {
		English: "ECE: the sender saw congestion marks and asks the %[1]s to slow down.",
		Chinese: "ECE：发送方收到了拥塞标记，要求%[1]s降低发送速率。"},
	kCWR: {
		English: "CWR: the %[1]s has reduced its congestion window in answer to ECE.",
		Chinese: "CWR：%[1]s已响应 ECE 减小了拥塞窗口。"},

	kSYN: {
		English: "Handshake 1/3. The client %[1]s (it sent the first SYN) asks the server %[2]s to connect. Its initial sequence number j = %[3]d.",
		Chinese: "三次握手 1/3。客户端 %[1]s（它发出了第一个 SYN 包）请求连接服务器端 %[2]s。它的初始序列号 (ISN) j = %[3]d。"},
	kSYNFromServer: {
		English: "The server %[1]s sends a SYN of its own: a simultaneous open.",
		Chinese: "服务器端 %[1]s 也发出了自己的 SYN 包：双方同时打开连接。"},
	kSYNAgain: {
		English: "The client sends its SYN again (same j = %[1]d), %[2]s after the first one: the SYN or the answer to it was lost, or the server is slow.",
		Chinese: "客户端重传 SYN 包（j = %[1]d 不变），距第一次 %[2]s：SYN 包或它的应答丢失了，或者服务器端响应太慢。"},
	kSYNWindow: {
		English: "Window %[1]d bytes (the window of a SYN is never scaled).",
		Chinese: "窗口大小 %[1]d 字节（SYN 包的窗口从不扩大）。"},
	kOffers:     {English: "It offers %[1]s.", Chinese: "它提出的选项：%[1]s。"},
	kOffersNone: {English: "It offers no TCP options.", Chinese: "它没有带任何 TCP 选项。"},
	kOptMSS:     {English: "MSS %[1]d", Chinese: "MSS %[1]d"},
	kOptSACK:    {English: "SACK", Chinese: "SACK"},
	kOptTS:      {English: "timestamps", Chinese: "时间戳"},
	kOptWScale: {
		English: "window scale %[1]d (its windows count ×%[2]d)",
		Chinese: "窗口扩大因子 %[1]d（它通告的窗口要 ×%[2]d）"},
	kOptTFO: {English: "a TCP Fast Open cookie", Chinese: "TCP Fast Open cookie"},
	kSYNACK: {
		English: "Handshake 2/3. The server %[1]s accepts: it acknowledges %[2]s and sends its own initial sequence number k = %[3]d.",
		Chinese: "三次握手 2/3。服务器端 %[1]s 接受连接（SYN+ACK 包）：确认号 %[2]s，并发送自己的初始序列号 k = %[3]d。"},
	kSYNACKNoSYN: {
		English: "Handshake 2/3. The server %[1]s answers the client %[2]s, whose SYN is not in the log: it acknowledges %[3]d (so j = %[3]d − 1) and sends its own initial sequence number k = %[4]d.",
		Chinese: "三次握手 2/3。服务器端 %[1]s 应答客户端 %[2]s（日志里没有它的 SYN 包）：确认号 %[3]d（所以 j = %[3]d − 1），服务器端的初始序列号 k = %[4]d。"},
	kSYNACKNoAck: {
		English: "Handshake 2/3. The server %[1]s accepts and sends its own initial sequence number k = %[2]d (the log does not show the ack number).",
		Chinese: "三次握手 2/3。服务器端 %[1]s 接受连接，初始序列号 k = %[2]d（日志没有显示确认号）。"},
	kSYNACKAgain: {
		English: "The server sends its SYN-ACK again (same k = %[1]d), %[2]s after the first one: the client's ACK did not arrive.",
		Chinese: "服务器端重传 SYN+ACK 包（k = %[1]d 不变），距第一次 %[2]s：客户端的 ACK 确认包没有到达。"},
	kSinceSYN: {English: "It comes %[1]s after the SYN.", Chinese: "距 SYN 包 %[1]s。"},
	kSinceSYNs: {
		English: "It comes %[1]s after the first SYN and %[2]s after the last one.",
		Chinese: "距第一个 SYN 包 %[1]s，距最后一个 SYN 包 %[2]s。"},
	kScaleOn: {
		English: "Both sides offered window scaling, so from now on the client's windows count ×%[1]d and the server's ×%[2]d.",
		Chinese: "双方都提出了窗口扩大选项，所以此后客户端的窗口 ×%[1]d，服务器端的窗口 ×%[2]d。"},
	kScaleOff: {
		English: "Window scaling is off: the %[1]s did not offer it, so windows count as they are.",
		Chinese: "窗口扩大未启用：%[1]s没有提出该选项，窗口按原值计算。"},
	kHandshakeAck: {
		English: "Handshake 3/3. The client acknowledges the server's SYN: ack %[1]d is relative (tcpdump subtracts k), so it is %[2]s. The handshake is complete, %[3]s after the SYN.",
		Chinese: "三次握手 3/3。客户端确认服务器端的 SYN（ACK 确认包）：ack %[1]d 是相对序列号（tcpdump 减去了 k），绝对确认号是 %[2]s。三次握手完成，距 SYN 包 %[3]s。"},
	kHandshakeAckBad: {
		English: "Handshake 3/3? The client answers the SYN-ACK with ack %[1]d relative to k, that is %[2]s: this ACK does not complete the handshake.",
		Chinese: "三次握手 3/3？客户端应答 SYN+ACK 包的确认号相对 k 为 %[1]d，即 %[2]s：这个 ACK 不能完成三次握手。"},
	kHandshakeAckNoISN: {
		English: "Handshake 3/3. The client acknowledges the server's SYN with ack %[1]d; the SYN-ACK's numbers are not known, so the arithmetic cannot be checked.",
		Chinese: "三次握手 3/3。客户端以确认号 %[1]d 确认服务器端的 SYN；SYN+ACK 包的序列号未知，无法核对。"},

	kData: {
		English: "The %[1]s sends %[2]d bytes: relative %[3]d–%[4]d, absolute %[5]d–%[6]d.",
		Chinese: "%[1]s发送 %[2]d 字节数据：相对序列号 %[3]d–%[4]d，绝对序列号 %[5]d–%[6]d。"},
	kDataAbs: {
		English: "The %[1]s sends %[2]d bytes: absolute %[3]d–%[4]d (without the handshake there are no relative numbers).",
		Chinese: "%[1]s发送 %[2]d 字节数据：绝对序列号 %[3]d–%[4]d（没有三次握手，无法给出相对序列号）。"},
	kKeepAlive: {
		English: "Keep-alive: the %[1]s sends at one below its next sequence number (already acknowledged), only to make the %[2]s answer with an ACK and show it is still there.",
		Chinese: "保活探测：%[1]s用比下一个序列号小 1 的（已被确认的）序列号发送，只是为了让%[2]s回一个 ACK，证明它还在。"},
	kZeroWindowProbe: {
		English: "Zero-window probe: the %[2]s's window is 0, so the %[1]s sends an empty segment at one below its next sequence number, as Linux does, only to make the %[2]s answer with an ACK that shows whether its window has opened.",
		Chinese: "零窗口探测：%[2]s的窗口为 0，于是%[1]s像 Linux 那样用比下一个序列号小 1 的序列号发送一个空报文段，只是为了让%[2]s回一个 ACK，看它的窗口是否已经打开。"},
	kInFlight: {
		English: "%[1]d bytes from the %[2]s are now in flight (sent, not yet acknowledged).",
		Chinese: "%[2]s现在有 %[1]d 字节在途（已发送、尚未被确认）。"},
	kRetransmission: {
		English: "Retransmission: the %[1]s already sent these bytes in %[2]s, %[3]s ago; the first copy or its ACK was lost, or came too late.",
		Chinese: "重传：%[1]s已经在%[2]s发送过这些字节（%[3]s前）；第一次发送的数据或其确认丢包了，或者到得太晚。"},
	kSpurious: {
		English: "The %[1]s had already acknowledged them, so this copy was not needed (a spurious retransmission).",
		Chinese: "%[1]s其实已经确认过这些字节，这次重传是不必要的（虚假重传）。"},
	kBehind: {
		English: "These bytes lie before the highest byte the %[1]s had sent (relative %[2]d), but no earlier segment in the log carried them: they arrive out of order, or resend a segment the log lacks.",
		Chinese: "这些字节位于%[1]s已发送的最高字节（相对序列号 %[2]d）之前，但日志中没有更早的报文段携带它们：可能是乱序，或是重传了日志里缺失的报文段。"},
	kBehindAbs: {
		English: "These bytes lie before the highest byte the %[1]s had sent (absolute %[2]d), but no earlier segment in the log carried them: they arrive out of order, or resend a segment the log lacks.",
		Chinese: "这些字节位于%[1]s已发送的最高字节（绝对序列号 %[2]d）之前，但日志中没有更早的报文段携带它们：可能是乱序，或是重传了日志里缺失的报文段。"},
	kGap: {
		English: "Gap: bytes relative %[1]d–%[2]d (%[3]d bytes) were never seen: lost, or not captured.",
		Chinese: "缺口：相对序列号 %[1]d–%[2]d（%[3]d 字节）从未出现：丢包，或者没有被抓到。"},
	kGapAbs: {
		English: "Gap: bytes absolute %[1]d–%[2]d (%[3]d bytes) were never seen: lost, or not captured.",
		Chinese: "缺口：绝对序列号 %[1]d–%[2]d（%[3]d 字节）从未出现：丢包，或者没有被抓到。"},
	kAckData: {
		English: "The %[1]s acknowledges the %[2]s's bytes up to relative %[3]d: ack %[4]d names the next byte it expects (absolute %[5]d).",
		Chinese: "%[1]s确认了%[2]s直到相对序列号 %[3]d 的字节：确认号 %[4]d 是它期待的下一个字节（绝对值 %[5]d）。"},
	kAckDataAbs: {
		English: "The %[1]s acknowledges the %[2]s's bytes up to absolute ack %[3]d, the next byte it expects.",
		Chinese: "%[1]s确认了%[2]s的字节，直到绝对确认号 %[3]d（它期待的下一个字节）。"},
	kCoversOne: {
		English: "That acknowledges %[1]s (%[2]d bytes), sent %[3]s earlier.",
		Chinese: "这确认了%[1]s（%[2]d 字节），它是 %[3]s前发出的。"},
	kCoversMany: {
		English: "That acknowledges %[1]s (%[2]d bytes); the last of them was sent %[3]s earlier.",
		Chinese: "这确认了%[1]s（共 %[2]d 字节）；其中最后一个是 %[3]s前发出的。"},
	kStillInFlight: {
		English: "%[1]d bytes from the %[2]s are still in flight.",
		Chinese: "%[2]s仍有 %[1]d 字节在途。"},
	kNoneInFlight: {
		English: "Nothing from the %[1]s is in flight now.",
		Chinese: "%[1]s现在没有在途数据。"},
	kDupAck: {
		English: "Duplicate ACK: the %[1]s repeats ack %[2]d (relative) while %[3]d bytes from the %[4]s are in flight: it is still waiting for byte %[2]d.",
		Chinese: "重复确认：%[4]s有 %[3]d 字节在途，%[1]s却再次发送确认号 %[2]d（相对值）：它仍在等待第 %[2]d 字节。"},
	kZeroWindow: {
		English: "Window 0: the %[1]s's receive buffer is full; the %[2]s must stop sending until it opens.",
		Chinese: "窗口大小为 0：%[1]s的接收缓冲区已满；%[2]s必须停止发送，直到窗口重新打开。"},
	kWindowScaled: {
		English: "Window %[1]d × %[2]d = %[3]d bytes (scale %[4]d from the handshake).",
		Chinese: "窗口大小 %[1]d × %[2]d = %[3]d 字节（三次握手时协商的扩大因子 %[4]d）。"},
	kWindowScaledWas: {
		English: "Window %[1]d × %[2]d = %[3]d bytes (scale %[4]d from the handshake), was %[5]d.",
		Chinese: "窗口大小 %[1]d × %[2]d = %[3]d 字节（扩大因子 %[4]d），此前为 %[5]d。"},
	kWindowWas: {
		English: "Window %[1]d bytes, was %[2]d.",
		Chinese: "窗口大小 %[1]d 字节，此前为 %[2]d。"},
	kWindowUnknownScale: {
		English: "Window field %[1]d: without the handshake the scale factor is unknown, so the real window may be larger.",
		Chinese: "窗口字段为 %[1]d：没有三次握手，不知道扩大因子，实际窗口可能更大。"},

	kCloseStep:     {English: "Four-way close %[1]d/4.", Chinese: "四次挥手 %[1]d/4。"},
	kCloseCombined: {English: "Four-way close 2/4 and 3/4 in one segment.", Chinese: "四次挥手 2/4 和 3/4 合并在一个报文段中。"},
	kCloseCross:    {English: "Simultaneous close.", Chinese: "同时关闭。"},
	kFIN: {
		English: "The %[1]s sends FIN (seq relative %[2]d, absolute %[3]d): it has no more data to send.",
		Chinese: "%[1]s发送 FIN（序列号相对值 %[2]d，绝对值 %[3]d）：它没有更多数据要发送了。"},
	kFINAbs: {
		English: "The %[1]s sends FIN (seq %[2]d): it has no more data to send.",
		Chinese: "%[1]s发送 FIN（序列号 %[2]d）：它没有更多数据要发送了。"},
	kFINAgain: {
		English: "The %[1]s sends its FIN again: the first one, or its ACK, was lost.",
		Chinese: "%[1]s重传 FIN：第一次的 FIN 或其确认丢失了。"},
	kFINAcked: {
		English: "The %[1]s acknowledges the %[2]s's FIN: ack %[3]s (a FIN takes one sequence number).",
		Chinese: "%[1]s确认%[2]s的 FIN：确认号 %[3]s（FIN 占用一个序列号）。"},
	kHalfClose: {
		English: "The %[1]s → %[2]s direction is closed; the %[2]s may still send data (half-close).",
		Chinese: "%[1]s → %[2]s 方向已关闭；%[2]s仍可以发送数据（半关闭）。"},
	kBothClosed: {English: "Both directions are closed now.", Chinese: "两个方向都已关闭。"},
	kActiveClose: {
		English: "The %[1]s closes first (active close); the %[2]s learns that no more data will come (passive close).",
		Chinese: "%[1]s先关闭（主动关闭）；%[2]s得知不会再有数据到来（被动关闭）。"},
	kSimultaneous: {
		English: "Both sides sent FIN before either was acknowledged: an end that gets the other's FIN while its own is unacknowledged goes to CLOSING, then to TIME_WAIT.",
		Chinese: "双方都在对方确认之前发出了 FIN：一端在自己的 FIN 尚未被确认时收到对方的 FIN，就进入 CLOSING 状态，随后进入 TIME_WAIT。"},
	kTimeWait: {
		English: "The %[1]s, which closed first, waits in TIME_WAIT (2 × MSL) to answer a lost final ACK; the %[2]s is CLOSED.",
		Chinese: "先关闭的%[1]s进入 TIME_WAIT（等待 2 × MSL），以便在最后的 ACK 丢失时重新应答；%[2]s已 CLOSED。"},
	kEntersTimeWait: {
		English: "The %[1]s's own FIN is acknowledged and it receives this FIN, so it enters TIME_WAIT now; its answer is the last ACK.",
		Chinese: "%[1]s自己的 FIN 已被确认，又收到了这个 FIN，因此现在进入 TIME_WAIT；它的应答就是最后一个 ACK。"},
	kBothTimeWait: {
		English: "Both ends wait in TIME_WAIT (2 × MSL), as after every simultaneous close.",
		Chinese: "两端都进入 TIME_WAIT（等待 2 × MSL），同时关闭总是如此。"},
	kRefused: {
		English: "Connection refused: the server %[1]s answers the SYN with RST, so nothing listens on port %[2]d (or a firewall rejects it).",
		Chinese: "连接被拒绝：服务器端 %[1]s 用 RST 应答 SYN 包，说明端口 %[2]d 上没有程序在监听（或被防火墙拒绝）。"},
	kRSTAcks: {
		English: "The RST acknowledges %[1]s, so the client knows it answers its SYN.",
		Chinese: "RST 的确认号为 %[1]s，客户端据此知道它应答的是自己的 SYN。"},
	kRSTAfterClose: {
		English: "Reset after close: both FINs were already exchanged; the %[1]s's RST only clears what was left.",
		Chinese: "关闭后的连接重置：双方的 FIN 已经交换完毕；%[1]s的 RST 只是清理剩余的状态。"},
	kAbort: {
		English: "Abort: the %[1]s resets the connection (RST); it ends at once, without the four-way close, and the %[2]s must drop it too.",
		Chinese: "强制断开：%[1]s发送 RST 连接重置；连接立即结束，不经过四次挥手，%[2]s也必须丢弃该连接。"},
	kAbortHandshake: {English: "The handshake had not completed.", Chinese: "三次握手尚未完成。"},
	kUnacked: {
		English: "Unacknowledged data is thrown away: %[1]d bytes from the client, %[2]d from the server.",
		Chinese: "未被确认的数据被丢弃：客户端 %[1]d 字节，服务器端 %[2]d 字节。"},

	kSumHead: {
		English: "Connection %[1]d: the client %[2]s connected to the server %[3]s.",
		Chinese: "连接 %[1]d：客户端 %[2]s 连接到服务器端 %[3]s。"},
	kSumHeadRefused: {
		English: "Connection %[1]d: the client %[2]s was refused by the server %[3]s: its SYN was answered with RST, and no connection was made.",
		Chinese: "连接 %[1]d：客户端 %[2]s 被服务器端 %[3]s 拒绝：它的 SYN 包得到的应答是 RST，连接没有建立。"},
	kSumHeadUnanswered: {
		English: "Connection %[1]d: the client %[2]s tried to connect to the server %[3]s; no answer is in the log.",
		Chinese: "连接 %[1]d：客户端 %[2]s 试图连接服务器端 %[3]s；日志中没有应答。"},
	kSumHeadMid: {
		English: "Connection %[1]d: the client %[2]s and the server %[3]s; it was already open when the log began.",
		Chinese: "连接 %[1]d：客户端 %[2]s 与服务器端 %[3]s；日志开始时连接已经建立。"},
	kSumRTT: {
		English: "Handshake round-trip time: %[1]s (from the SYN to the ACK that completed it).",
		Chinese: "握手往返时间：%[1]s（从 SYN 包到完成三次握手的 ACK 确认包）。"},
	kSumNoRTT: {
		English: "The handshake was not seen whole, so there is no round-trip time.",
		Chinese: "没有看到完整的三次握手，因此没有往返时间。"},
	kSumBytes: {
		English: "The client sent %[1]d bytes and the server %[2]d (payload, retransmissions included), in %[3]d packets over %[4]s.",
		Chinese: "客户端发送 %[1]d 字节，服务器端发送 %[2]d 字节（仅计数据，含重传），共 %[3]d 个包，历时 %[4]s。"},
	kSumEnd:        {English: "How it ended: Zeek state %[1]s, %[2]s.", Chinese: "结束方式：Zeek 状态 %[1]s，%[2]s。"},
	kSumStates:     {English: "Final states: client %[1]s, server %[2]s.", Chinese: "最终状态：客户端 %[1]s，服务器端 %[2]s。"},
	kSumNoFindings: {English: "No findings.", Chinese: "没有检查发现。"},
	kSumFindings:   {English: "Findings: %[1]s.", Chinese: "检查发现：%[1]s。"},
	kRuleCount:     {English: "%[1]s ×%[2]d", Chinese: "%[1]s ×%[2]d"},
	kConnTag:       {English: "connection %[1]d", Chinese: "连接 %[1]d"},
	kTitle:         {English: "Explanation of %[1]s", Chinese: "%[1]s 逐包解读"},
	kSummaryTitle:  {English: "Summary", Chinese: "小结"},
	kDiagramAlt:    {English: "Sequence diagram of the connection", Chinese: "连接的时序图"},
	kHint:          {English: "%[1]s", Chinese: "%[1]s"},
	kLateFinding: {
		English: "Found when the connection ended, about %[1]s: %[2]s (%[3]s): %[4]s",
		Chinese: "连接结束时发现（关于%[1]s）：%[2]s（%[3]s）：%[4]s"},

	// How Zeek's conn_state reads in words (Zeek base/protocols/conn).
	"zeek.S0": {English: "the SYN was never answered", Chinese: "SYN 包一直没有得到应答"},
	"zeek.S1": {
		English: "established and still open when the log ended (no FIN, no RST)",
		Chinese: "连接已建立，日志结束时仍未关闭（没有 FIN，也没有 RST）"},
	"zeek.SF":  {English: "established and closed normally: both sides sent FIN", Chinese: "连接已建立并正常关闭：双方都发送了 FIN"},
	"zeek.REJ": {English: "refused: the SYN was answered with RST", Chinese: "连接被拒绝：SYN 包得到的应答是 RST"},
	"zeek.S2": {
		English: "established; the client closed, and the server's FIN is not in the log",
		Chinese: "连接已建立；客户端发起了关闭，日志中没有服务器端的 FIN"},
	"zeek.S3": {
		English: "established; the server closed, and the client's FIN is not in the log",
		Chinese: "连接已建立；服务器端发起了关闭，日志中没有客户端的 FIN"},
	"zeek.RSTO": {English: "established, then aborted by the client with RST", Chinese: "连接已建立，随后被客户端用 RST 强制断开"},
	"zeek.RSTR": {English: "established, then aborted by the server with RST", Chinese: "连接已建立，随后被服务器端用 RST 强制断开"},
	"zeek.RSTOS0": {
		English: "the client sent a SYN and then RST; the server never answered",
		Chinese: "客户端发送 SYN 后又发送了 RST；服务器端从未应答"},
	"zeek.RSTRH": {
		English: "the server sent a SYN-ACK and then RST; the client's SYN is not in the log",
		Chinese: "服务器端发送 SYN+ACK 后又发送了 RST；日志中没有客户端的 SYN"},
	"zeek.SH": {
		English: "the client sent a SYN and then FIN; the server never answered (half open)",
		Chinese: "客户端发送 SYN 后又发送了 FIN；服务器端从未应答（半开连接）"},
	"zeek.SHR": {
		English: "the server sent a SYN-ACK and then FIN; the client's SYN is not in the log",
		Chinese: "服务器端发送 SYN+ACK 后又发送了 FIN；日志中没有客户端的 SYN"},
	"zeek.OTH": {
		English: "no SYN seen: the log holds only the middle of the connection",
		Chinese: "没有看到 SYN：日志里只有连接的中间部分"},
}
