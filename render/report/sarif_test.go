package report

import (
	"encoding/json"
	"testing"
)

// sarifRequired mirrors what the SARIF 2.1.0 schema requires of a log, and
// what code-scanning services read.
type sarifRequired struct {
	Version *string `json:"version"`
	Schema  string  `json:"$schema"`
	Runs    []struct {
		Tool *struct {
			Driver *struct {
				Name  *string `json:"name"`
				Rules []struct {
					ID               *string `json:"id"`
					ShortDescription *struct {
						Text *string `json:"text"`
					} `json:"shortDescription"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results *[]struct {
			RuleID    string `json:"ruleId"`
			RuleIndex *int   `json:"ruleIndex"`
			Level     string `json:"level"`
			Message   *struct {
				Text *string `json:"text"`
			} `json:"message"`
			Locations []struct {
				PhysicalLocation *struct {
					ArtifactLocation *struct {
						URI *string `json:"uri"`
					} `json:"artifactLocation"`
					Region *struct {
						StartLine  *int   `json:"startLine"`
						ByteOffset *int64 `json:"byteOffset"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			Properties map[string]any `json:"properties"`
		} `json:"results"`
	} `json:"runs"`
}

// checkSARIF fails the test unless out has the structure SARIF requires.
func checkSARIF(t *testing.T, out []byte) sarifRequired {
	t.Helper()
	var log sarifRequired
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	if log.Version == nil || *log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("version %v, %d runs", log.Version, len(log.Runs))
	}
	run := log.Runs[0]
	if run.Tool == nil || run.Tool.Driver == nil || run.Tool.Driver.Name == nil || run.Results == nil {
		t.Fatal("run without tool.driver.name or results")
	}
	rules := run.Tool.Driver.Rules
	for _, r := range rules {
		if r.ID == nil || r.ShortDescription == nil || r.ShortDescription.Text == nil {
			t.Errorf("rule without id or shortDescription.text")
		}
	}
	for _, res := range *run.Results {
		switch res.Level {
		case "error", "warning", "note":
		default:
			t.Errorf("%s: level %q", res.RuleID, res.Level)
		}
		if res.Message == nil || res.Message.Text == nil {
			t.Errorf("%s: no message.text", res.RuleID)
		}
		if res.RuleIndex == nil || *res.RuleIndex >= len(rules) || *rules[*res.RuleIndex].ID != res.RuleID {
			t.Errorf("%s: ruleIndex %v does not name its rule", res.RuleID, res.RuleIndex)
		}
		if len(res.Locations) != 1 || res.Locations[0].PhysicalLocation == nil ||
			res.Locations[0].PhysicalLocation.ArtifactLocation == nil || res.Locations[0].PhysicalLocation.ArtifactLocation.URI == nil {
			t.Errorf("%s: no physicalLocation.artifactLocation.uri", res.RuleID)
			continue
		}
		reg := res.Locations[0].PhysicalLocation.Region
		if reg == nil || (reg.StartLine == nil) == (reg.ByteOffset == nil) {
			t.Errorf("%s: region wants exactly one of startLine and byteOffset", res.RuleID)
		}
	}
	return log
}

func TestSARIFHasTheRequiredStructure(t *testing.T) {
	log := checkSARIF(t, print(t, "sarif", Options{Checks: sampleChecks()}, sampleReport()))
	res := *log.Runs[0].Results
	if len(res) != 5 {
		t.Fatalf("%d results, want 5", len(res))
	}
	if got := *res[0].Locations[0].PhysicalLocation.Region.StartLine; got != 12 {
		t.Errorf("text finding at line %d, want 12", got)
	}
	capture := res[3].Locations[0].PhysicalLocation
	if *capture.Region.ByteOffset != 412 || res[3].Properties["packet"] != float64(4) {
		t.Errorf("capture finding: offset %d, properties %v", *capture.Region.ByteOffset, res[3].Properties)
	}
	if res[3].Level != "note" || res[2].Level != "error" {
		t.Errorf("levels %s %s", res[3].Level, res[2].Level)
	}
	var custom int
	for _, r := range log.Runs[0].Tool.Driver.Rules {
		if *r.ID == "api-slow" {
			custom++
		}
	}
	if custom != 1 {
		t.Errorf("the custom rule is described %d times, want once", custom)
	}
}
