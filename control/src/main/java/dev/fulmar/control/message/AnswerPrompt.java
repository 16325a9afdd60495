package dev.fulmar.control.message;

import java.util.Objects;

/**
 * The answer to a {@link PromptEvent}: the secret (and for EAP the user name), or a cancel, which
 * ends the connect attempt with {@code CANCELLED}. Answered with {@link Ok}, or {@code
 * UNKNOWN_PROMPT} when the prompt is gone (answered, cancelled, or not this client's).
 *
 * @param promptId the prompt answered
 * @param cancel true to refuse
 * @param username the user name (EAP), or null to keep the pre-filled one
 * @param secret the password, PIN or key; null when cancelling
 */
public record AnswerPrompt(String promptId, boolean cancel, String username, SecretText secret)
    implements Request {
  public AnswerPrompt {
    Objects.requireNonNull(promptId, "promptId");
    if (!cancel && secret == null) {
      throw new IllegalArgumentException("answer_prompt: give a secret or cancel");
    }
  }

  /** Answers with {@code secret} (copied). */
  public static AnswerPrompt answer(String promptId, String username, char[] secret) {
    return new AnswerPrompt(promptId, false, username, SecretText.of(secret));
  }

  /** Refuses the prompt. */
  public static AnswerPrompt cancel(String promptId) {
    return new AnswerPrompt(promptId, true, null, null);
  }
}
