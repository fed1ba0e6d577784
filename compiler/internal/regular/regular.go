// Package regular reads files only when they are regular files, so that a
// named pipe, socket or device planted in a project can never block or
// confuse a read: opening a named pipe for reading waits for a writer,
// forever.
package regular

import (
	"fmt"
	"io/fs"
)

// Error reports a path that is not a regular file.
type Error struct {
	Name string
	Kind string // "named pipe", "socket", "device", "folder", ...
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s is a %s, not a regular file", e.Name, e.Kind)
}

// Kind names the kind of file a mode describes, as a person would.
func Kind(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return "regular file"
	case m.IsDir():
		return "folder"
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "device"
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	}
	return "special file"
}

// Check returns an *Error unless info describes a regular file.
func Check(name string, info fs.FileInfo) error {
	if info.Mode().IsRegular() {
		return nil
	}
	return &Error{Name: name, Kind: Kind(info.Mode())}
}

// ReadFile reads name from fsys after checking, without opening it, that
// it is a regular file (fs.Stat follows symbolic links).
func ReadFile(fsys fs.FS, name string) ([]byte, error) {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	if err := Check(name, info); err != nil {
		return nil, err
	}
	return fs.ReadFile(fsys, name)
}
