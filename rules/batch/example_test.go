package batch_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/pcaplint/pcaplint/rules/batch"
)

// List the captures of a directory, as lint DIR --include '*.pcap' does:
// in path order, relative to the directory for sharding, the other files
// listed as skipped.
func ExampleExpand() {
	dir, err := os.MkdirTemp("", "captures")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	for _, name := range []string{"day2/c.pcap", "day1/b.pcap", "day1/notes.txt"} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), nil, 0o644)
	}
	ins, empty, err := batch.Expand([]string{dir}, batch.Filters{Include: []string{"*.pcap"}})
	if err != nil {
		log.Fatal(err) // a bad pattern
	}
	for _, in := range ins {
		fmt.Printf("%s %q\n", in.Key, in.Skip)
	}
	fmt.Println(len(empty), "empty arguments")
	// Output:
	// day1/b.pcap ""
	// day1/notes.txt "matches no --include pattern"
	// day2/c.pcap ""
	// 0 empty arguments
}

// Split the inputs between two machines, as lint --shard 0/2 and --shard
// 1/2 do: every input falls into one shard, by its path relative to the
// argument it was found under, whatever the directory is mounted as.
func ExampleShard_Pick() {
	ins := []batch.Input{
		{Path: "/mnt/captures/day1/a.pcap", Key: "day1/a.pcap"},
		{Path: "/mnt/captures/day1/b.pcap", Key: "day1/b.pcap"},
		{Path: "/mnt/captures/day2/c.pcap", Key: "day2/c.pcap"},
	}
	for k := range 2 {
		sh, err := batch.ParseShard(fmt.Sprintf("%d/2", k), os.Getenv) // or auto/2 in an Indexed Job
		if err != nil {
			log.Fatal(err)
		}
		for _, in := range sh.Pick(ins) {
			fmt.Println(k, in.Key)
		}
	}
	// Output:
	// 0 day1/a.pcap
	// 1 day1/b.pcap
	// 1 day2/c.pcap
}

// Read inputs on four goroutines and handle each result in input order as
// soon as it and those before it are done, as lint writes its JSON report.
func ExampleRun() {
	names := []string{"a.pcap", "bb.pcap", "ccc.pcap"}
	oc := batch.Run(context.Background(), len(names), func(i int) int {
		return len(names[i]) // read input i
	}, batch.Options[int]{
		Workers: 4,
		Grace:   batch.DefaultGrace,
		Emit:    func(i, n int) { fmt.Println(names[i], n) },
	})
	fmt.Println(oc.Read)
	// Output:
	// a.pcap 6
	// bb.pcap 7
	// ccc.pcap 8
	// [true true true]
}

// Follow a batch for a progress display: each input read counts, with its
// packets, toward the rate.
func ExampleProgress() {
	p := batch.NewProgress()
	p.Done(1200)
	p.Done(800)
	fmt.Println(p.Files, "inputs,", p.Packets, "packets")
	// Output:
	// 2 inputs, 2000 packets
}
