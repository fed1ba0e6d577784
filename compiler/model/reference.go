package model

// Reference is the legal reference data the rule packs check the project
// against: facts that change over time, such as adequacy decisions and
// transfer tools that were struck down or replaced. Each pack ships its own
// (jurisdiction.ReferenceHolder), every list dated (as_of) with its
// sources, loaded and validated like the project's data into the pack's
// extension of Reference (the eu pack's EEA, adequacy lists and transfer
// tools).
type Reference struct {
	// Ext holds each pack's reference data, by pack id.
	Ext Ext `yaml:"-"`
}
