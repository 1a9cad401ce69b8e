// placeholder: filled in by the reader work
