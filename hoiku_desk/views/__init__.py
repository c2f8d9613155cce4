"""The Qt window: panes, table models and dialogs over the service layer (and nothing else)."""
