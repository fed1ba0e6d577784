package subprocessors

import (
	"embed"
	"io/fs"
)

// The pack's message catalogue (messages/*.yaml): every sentence of the
// sub-processor list, in English (en.yaml); it has no translations yet.
//
//go:embed messages/*.yaml
var messagesFS embed.FS

// MessageData implements jurisdiction.MessageHolder: the folder "messages"
// of the returned file system.
func (*Pack) MessageData() fs.FS { return messagesFS }
