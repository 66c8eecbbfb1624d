package report

import "github.com/pcaplint/pcaplint/rules"

// sarifInvocation is SARIF's record of the run (SARIF §3.20): whether it
// succeeded, and notifications about inputs it could not read or check,
// which are not results (no rule found them) yet must not go unseen.
type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications"`
}

// sarifNotification is one input's problem (SARIF §3.58). Descriptor.ID is
// "input-error" for an input not read to its end, "capture-loss" for a
// capture that missed packets, "interrupted" for an input an interruption
// left unread, else the stable reason code of what could not be checked
// (no-tcp, no-flags, link-type).
type sarifNotification struct {
	Descriptor sarifDescriptorRef `json:"descriptor"`
	Level      string             `json:"level"`
	Message    sarifText          `json:"message"`
	Locations  []sarifLocation    `json:"locations"`
	Properties map[string]any     `json:"properties,omitempty"`
}

type sarifDescriptorRef struct {
	ID string `json:"id"`
}

// sarifInvocationOf lists every input error, everything not checked and
// every input an interruption left unread; the run is successful when
// there is no error, every input was checked at least in part, and the
// run was not interrupted.
func sarifInvocationOf(r *Report, l rules.Lang) sarifInvocation {
	inv := sarifInvocation{ExecutionSuccessful: true, ToolExecutionNotifications: []sarifNotification{}}
	for i := range r.Files {
		f := &r.Files[i]
		loc := []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: fileURI(f.Path)}}}}
		if f.Err != nil {
			inv.ExecutionSuccessful = false
			inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
				Descriptor: sarifDescriptorRef{ID: "input-error"}, Level: "error",
				Message: sarifText{Text: ErrorText(f.Err.Error(), l)}, Locations: loc})
		}
		if loss := lossTextIn(f, l); loss != "" {
			inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
				Descriptor: sarifDescriptorRef{ID: "capture-loss"}, Level: "note",
				Message: sarifText{Text: loss}, Locations: loc,
				Properties: map[string]any{"captureLoss": newJSONCaptureLoss(f)}})
		}
		for _, u := range f.Unchecked {
			level := "warning"
			if u.All {
				level = "error"
				inv.ExecutionSuccessful = false
			}
			inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
				Descriptor: sarifDescriptorRef{ID: u.Reason}, Level: level,
				Message: sarifText{Text: f.UncheckedText(u, l)}, Locations: loc,
				Properties: map[string]any{"count": u.Count, "all": u.All}})
		}
	}
	for _, u := range r.Interrupted {
		inv.ExecutionSuccessful = false
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
			Descriptor: sarifDescriptorRef{ID: "interrupted"}, Level: "error",
			Message:   sarifText{Text: "not read: interrupted (" + u.Reason + "); the report is incomplete"},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: fileURI(u.Path)}}}}})
	}
	return inv
}

// sarifArtifactEntry is an input read (SARIF §3.24), with its capture-loss estimate
// in the properties, present for every input so that tools can read it
// without parsing messages.
type sarifArtifactEntry struct {
	Location   sarifArtifact  `json:"location"`
	Properties map[string]any `json:"properties"`
}

// sarifArtifactsOf lists the inputs read.
func sarifArtifactsOf(r *Report) []sarifArtifactEntry {
	out := []sarifArtifactEntry{}
	for i := range r.Files {
		f := &r.Files[i]
		out = append(out, sarifArtifactEntry{Location: sarifArtifact{URI: fileURI(f.Path)},
			Properties: map[string]any{"captureLoss": newJSONCaptureLoss(f)}})
	}
	return out
}
