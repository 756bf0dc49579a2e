"""The CPM leadership handbook: data model, loading, validation and rendering."""
