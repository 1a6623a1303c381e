//go:build unix

package host

import (
	"os/exec"
	"syscall"
)

// ownGroup puts the plugin in its own process group, so killing the group
// also ends any process the plugin started (go-plugin kills only its child).
func ownGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}

// killGroup ends whatever is left of the plugin's process group.
func killGroup(pid int) {
	if pid > 0 {
		_ = syscall.Kill(-pid, syscall.SIGKILL)
	}
}
