package dev.fulmar.control.message;

/**
 * What the helper pushes without being asked: state changes, per-second stats and log lines to
 * subscribers of the matching {@link Topic}, and credential prompts to the client whose connect
 * or diagnose request needs them. Events carry no id.
 */
public sealed interface Event extends Message
    permits StateEvent, StatsEvent, LogEvent, PromptEvent {}
