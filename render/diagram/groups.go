package diagram

// Groups are the diagrams to draw of convs: all of them in one when
// merged (a lifeline per endpoint), else one a conversation.
func Groups(convs []*Conversation, merged bool) [][]*Conversation {
	if merged {
		return [][]*Conversation{convs}
	}
	groups := make([][]*Conversation, 0, len(convs))
	for _, c := range convs {
		groups = append(groups, []*Conversation{c})
	}
	return groups
}
