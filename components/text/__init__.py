"""Words: message catalogs, phrases from figures, number formats and text layout."""
