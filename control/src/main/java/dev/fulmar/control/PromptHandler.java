package dev.fulmar.control;

import dev.fulmar.control.message.AnswerPrompt;
import dev.fulmar.control.message.PromptEvent;
import java.util.concurrent.CompletionStage;

/**
 * Asks the user for a secret while a connect or diagnose runs: in the helper it sends a {@code
 * prompt} event to the client and completes with its {@code answer_prompt}; in the CLI's local
 * diagnose it asks on the terminal. Completes with a cancelling answer when the user refuses or
 * the asker goes away.
 */
@FunctionalInterface
public interface PromptHandler {
  /** Asks; the caller wipes the answer's secret when done with it. */
  CompletionStage<AnswerPrompt> ask(PromptEvent prompt);

  /** A handler that refuses every prompt (non-interactive use without the needed secret). */
  static PromptHandler refuseAll() {
    return prompt -> java.util.concurrent.CompletableFuture.completedFuture(
        AnswerPrompt.cancel(prompt.promptId()));
  }
}
