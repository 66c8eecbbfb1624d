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
// (no-tcp, no-flags, no-time, link-type).
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

// sarifNotificationsOf lists an input's error, capture loss and what of
// it was not checked, and reports whether it leaves the run successful:
// no error, and checked at least in part.
func sarifNotificationsOf(f *File, l rules.Lang) (notes []sarifNotification, ok bool) {
	ok = true
	loc := []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: fileURI(f.Path)}}}}
	if f.Err != nil {
		ok = false
		notes = append(notes, sarifNotification{
			Descriptor: sarifDescriptorRef{ID: "input-error"}, Level: "error",
			Message: sarifText{Text: ErrorText(f.Err.Error(), l)}, Locations: loc})
	}
	if loss := lossTextIn(f, l); loss != "" {
		notes = append(notes, sarifNotification{
			Descriptor: sarifDescriptorRef{ID: "capture-loss"}, Level: "note",
			Message: sarifText{Text: loss}, Locations: loc,
			Properties: map[string]any{"captureLoss": newJSONCaptureLoss(f)}})
	}
	for _, u := range f.Unchecked {
		level := "warning"
		if u.All {
			level = "error"
			ok = false
		}
		notes = append(notes, sarifNotification{
			Descriptor: sarifDescriptorRef{ID: u.Reason}, Level: level,
			Message: sarifText{Text: f.UncheckedText(u, l)}, Locations: loc,
			Properties: map[string]any{"count": u.Count, "all": u.All}})
	}
	return notes, ok
}

// sarifInterrupted lists the inputs an interruption left unread; any
// makes the run unsuccessful.
func sarifInterrupted(r *Report) []sarifNotification {
	var notes []sarifNotification
	for _, u := range r.Interrupted {
		notes = append(notes, sarifNotification{
			Descriptor: sarifDescriptorRef{ID: "interrupted"}, Level: "error",
			Message:   sarifText{Text: "not read: interrupted (" + u.Reason + "); the report is incomplete"},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: fileURI(u.Path)}}}}})
	}
	return notes
}

// sarifArtifactEntry is an input read (SARIF §3.24), with its capture-loss estimate
// in the properties, present for every input so that tools can read it
// without parsing messages.
type sarifArtifactEntry struct {
	Location   sarifArtifact  `json:"location"`
	Properties map[string]any `json:"properties"`
}

// sarifArtifactOf is an input read.
func sarifArtifactOf(f *File) sarifArtifactEntry {
	return sarifArtifactEntry{Location: sarifArtifact{URI: fileURI(f.Path)},
		Properties: map[string]any{"captureLoss": newJSONCaptureLoss(f)}}
}
