function GoBack() { return true; }
