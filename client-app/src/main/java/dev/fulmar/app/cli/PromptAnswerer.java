package dev.fulmar.app.cli;

import dev.fulmar.control.PromptHandler;
import dev.fulmar.control.client.ControlClient;
import dev.fulmar.control.client.ControlException;
import dev.fulmar.control.client.EventListener;
import dev.fulmar.control.message.AnswerPrompt;
import dev.fulmar.control.message.Event;
import dev.fulmar.control.message.PromptEvent;
import dev.fulmar.control.message.PromptKind;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Answers the helper's prompts: with the {@code --password-stdin} line once (when it fits the
 * prompt), else at the terminal, else by cancelling (and remembering that a secret was missing,
 * so the CLI can say so). Other events go to {@code others}.
 */
final class PromptAnswerer implements EventListener, PromptHandler {
  private final CliEnvironment env;
  private final Consumer<Event> others;
  private char[] stdinSecret;
  private volatile ControlClient client;
  private volatile boolean refusedForLackOfInput;

  PromptAnswerer(CliEnvironment env, char[] stdinSecret, Consumer<Event> others) {
    this.env = env;
    this.stdinSecret = stdinSecret == null ? null : stdinSecret.clone();
    this.others = others;
  }

  void attach(ControlClient c) {
    client = c;
  }

  /** Whether a prompt had to be refused because nothing could answer it. */
  boolean refusedForLackOfInput() {
    return refusedForLackOfInput;
  }

  @Override
  public void onEvent(Event event) {
    if (!(event instanceof PromptEvent p)) {
      others.accept(event);
      return;
    }
    try {
      client.answer(answerFor(p));
    } catch (ControlException e) {
      env.err().println("fulmar: could not answer the helper's prompt: " + e.getMessage());
    }
  }

  @Override
  public CompletionStage<AnswerPrompt> ask(PromptEvent prompt) {
    return CompletableFuture.completedFuture(answerFor(prompt));
  }

  synchronized AnswerPrompt answerFor(PromptEvent p) {
    if (stdinSecret != null) {
      try {
        return AnswerPrompt.answer(p.promptId(), null, stdinSecret);
      } finally {
        Arrays.fill(stdinSecret, '\0');
        stdinSecret = null;
      }
    }
    Terminal t = env.terminal();
    if (t == null) {
      refusedForLackOfInput = true;
      return AnswerPrompt.cancel(p.promptId());
    }
    env.err().println(p.hint());
    if (p.message() != null) {
      env.err().println("The gateway says: " + p.message());
    }
    String user = p.username();
    if (p.kind() == PromptKind.EAP_CREDENTIALS && (user == null || user.isBlank())) {
      user = t.readLine("User name: ");
    }
    char[] secret = t.readPassword(label(p.kind()));
    if (secret == null) {
      return AnswerPrompt.cancel(p.promptId());
    }
    try {
      return AnswerPrompt.answer(p.promptId(), user, secret);
    } finally {
      Arrays.fill(secret, '\0');
    }
  }

  void wipe() {
    synchronized (this) {
      if (stdinSecret != null) {
        Arrays.fill(stdinSecret, '\0');
        stdinSecret = null;
      }
    }
  }

  private static String label(PromptKind k) {
    return switch (k) {
      case EAP_CREDENTIALS -> "Password: ";
      case ONE_TIME_PASSWORD -> "Code: ";
      case PKCS12_PASSWORD -> "Certificate (PKCS#12) password: ";
      case PSK -> "Pre-shared key: ";
    };
  }
}
