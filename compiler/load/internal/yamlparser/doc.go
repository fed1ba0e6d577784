// Package yamlparser is goccy/go-yaml's parser package (v1.19.2, MIT
// licence, see LICENSE), forked to make parsing linear in the size of the
// input. It builds the same syntax tree (package ast of goccy/go-yaml) and
// returns the same errors (*yaml.SyntaxError) as the original, but for the
// nodes' paths (below). Four changes:
//
//   - parseMap parses the sibling keys of a block mapping in a loop; the
//     original recursed once per key and copied the remaining entries at
//     every level (99,000 keys took over a minute).
//   - insertToken links an implicit null value (a key or list item with no
//     value) before the current token instead of inserting it into the token
//     slice, which shifted every later token.
//   - with AllowDuplicateMapKey, no node's path ("$.a.b[3]", GetPath) is
//     built or recorded: the original builds one string per node and keeps
//     every key's in a map, only to find duplicate keys, which that option
//     allows (paths are left empty).
//   - the token grouping passes (token.go, see inPlace) write over their
//     input instead of allocating a new slice each.
//
// The debugging helpers that printed to standard output and ParseFile are
// removed. The test in package load compares this parser's trees with the
// original's on the sample data and the fuzz corpus. To update: copy
// goccy/go-yaml's parser/*.go (without tests) here, rename the package,
// replace errors.ErrSyntax with errSyntax, and apply the changes above (context.noPaths for the third, the lines marked "fork:" for the fourth).
package yamlparser
