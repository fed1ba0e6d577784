package main

import (
	"github.com/spf13/cobra"

	"github.com/disclose-dev/disclose/compiler"
	"github.com/disclose-dev/disclose/compiler/schema"
)

func newSchemaCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of the data files",
		Long: `Schema prints the JSON Schema of the data files, generated from the same Go
types the checker uses, with every field's description and allowed values.

Editors use it to autocomplete and flag errors while typing: start a data file
with a comment such as

  # yaml-language-server: $schema=` + schema.ID + `

the schema's address (every site disclose builds publishes it at
/` + schema.Path + `).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			b, err := schema.JSON(compiler.SchemaOptions())
			if err != nil {
				return err
			}
			_, err = cmd.OutOrStdout().Write(b)
			return err
		},
	}
}
