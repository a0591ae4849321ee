"""The data desk's engine: an article's text becomes candidate figures, each in its sentence and
section, and then a draft data folder a person completes and the validator accepts."""
