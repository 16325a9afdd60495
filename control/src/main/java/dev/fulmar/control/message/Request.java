package dev.fulmar.control.message;

/** A message a client sends; it carries an id and gets exactly one {@link Response}. */
public sealed interface Request extends Message
    permits Hello, ListProfiles, Connect, Disconnect, StatusRequest, Subscribe, Unsubscribe,
        AnswerPrompt, Diagnose, GetLogs, GetBundle, GetPolicy, SetPolicy, SaveSystemProfile,
        DeleteSystemProfile {}
