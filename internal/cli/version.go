package cli

import "runtime/debug"

// Version is the module version and VCS revision (its first 12 hex
// digits) from the build info, or "(unknown)" without one.
func Version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	return version(info)
}

// version is Version of info.
func version(info *debug.BuildInfo) string {
	v := info.Main.Version
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " (" + s.Value[:12] + ")"
		}
	}
	return v
}
