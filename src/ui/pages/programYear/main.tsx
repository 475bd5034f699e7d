// placeholder, replaced by the dialog in the next commit
export {};
