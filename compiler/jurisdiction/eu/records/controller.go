package records

import "slices"

// ForController returns the record of one controller of the group, by
// entity id: the activities it decides, and the joint controllers,
// transfers, systems and time limits of those (Art. 30(1) asks each
// controller for a record of the processing under its responsibility);
// nil when id names no controller. r is not changed.
func (r *Record) ForController(id string) *Record {
	i := slices.IndexFunc(r.Controllers, func(p *Party) bool { return p.ID == id })
	if i < 0 {
		return nil
	}
	c := r.Controllers[i]
	out := *r
	out.Controllers = []*Party{c}
	out.Activities = nil
	kept := map[string]bool{}
	categories := map[string]bool{}
	joint := map[string]bool{}
	for _, a := range r.Activities {
		if slices.Contains(a.Controllers, c.Name) {
			out.Activities = append(out.Activities, a)
			kept[a.ID] = true
			for _, k := range a.Categories {
				categories[k.ID] = true
			}
			for _, n := range a.JointControllers {
				joint[n] = true
			}
		}
	}
	out.JointControllers = nil
	for _, p := range r.JointControllers {
		if joint[p.Name] {
			out.JointControllers = append(out.JointControllers, p)
		}
	}
	out.Transfers = nil
	for _, t := range r.Transfers {
		if x := keep(t.Activities, kept); len(x) > 0 {
			t2 := *t
			t2.Activities = x
			out.Transfers = append(out.Transfers, &t2)
		}
	}
	out.Retention = nil
	for _, x := range r.Retention {
		if categories[x.Category] {
			out.Retention = append(out.Retention, x)
		}
	}
	out.Security.Systems = nil
	for _, s := range r.Security.Systems {
		if x := keep(s.Activities, kept); len(x) > 0 {
			s2 := *s
			s2.Activities = x
			out.Security.Systems = append(out.Security.Systems, &s2)
		}
	}
	return &out
}

func keep(ids []string, kept map[string]bool) []string {
	var out []string
	for _, id := range ids {
		if kept[id] {
			out = append(out, id)
		}
	}
	return out
}
