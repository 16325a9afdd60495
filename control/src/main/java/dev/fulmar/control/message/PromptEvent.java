package dev.fulmar.control.message;

import java.util.Objects;

/**
 * The helper needs a secret to go on with this client's connect or diagnose request. The client
 * asks the user and answers with {@link AnswerPrompt} (or cancels). Sent only to the client whose
 * request needs it; cancelled when that client goes away.
 *
 * @param promptId names the prompt in the answer
 * @param kind what is asked for
 * @param profile the profile being connected
 * @param username the user name to pre-fill (EAP), or null
 * @param hint where the request comes from, e.g. "the gateway vpn.example.net (authenticated)
 *     asks for the password of alice" or "the PKCS#12 file /home/alice/alice.p12"
 * @param message text the gateway sent with the request (EAP-GTC), or null
 */
public record PromptEvent(
    String promptId, PromptKind kind, String profile, String username, String hint,
    String message) implements Event {
  public PromptEvent {
    Objects.requireNonNull(promptId, "promptId");
    Objects.requireNonNull(kind, "kind");
    hint = hint == null ? "" : hint;
  }
}
