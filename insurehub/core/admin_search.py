"""Admin search through blind indexes: a sealed field (phone, national id, registration) cannot
be matched with icontains, so the search term is also hashed as the field's blind index is and
matched exactly (a whole phone number or registration finds its rows; a part of one does not)."""

from insurehub.core.encryption import blind_index


class BlindIndexSearchMixin:
    """`blind_index_search`: {lookup path of the hash column: blind index purpose}, e.g.
    {"phone_hash": "phone", "vehicle__registration_hash": "registration"}."""

    blind_index_search: dict[str, str] = {}

    def blind_index_term(self, purpose: str, term: str) -> str:
        return term

    def get_search_results(self, request, queryset, search_term):
        unsearched = queryset  # the changelist's filters applied, not yet the search
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = (search_term or "").strip()
        if term and self.blind_index_search:
            for path, purpose in self.blind_index_search.items():
                digest = blind_index(self.blind_index_term(purpose, term), purpose=purpose)
                queryset = queryset | unsearched.filter(**{path: digest})
            may_have_duplicates = may_have_duplicates or any("__" in path for path in self.blind_index_search)
        return queryset, may_have_duplicates
