package dev.fulmar.helper.control;

import dev.fulmar.control.PromptHandler;
import dev.fulmar.control.message.AnswerPrompt;
import dev.fulmar.control.message.PromptEvent;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The prompts of one client: {@link #handler()} sends a {@code prompt} event to that client and
 * completes when it answers; answers to unknown ids are refused; when the client goes away or
 * does not answer in time, open prompts complete as cancelled.
 */
final class PromptBroker {
  private static final SecureRandom IDS = new SecureRandom();
  private final Consumer<PromptEvent> send;
  private final Redactor redactor;
  private final Duration timeout;
  private final Map<String, CompletableFuture<AnswerPrompt>> open = new ConcurrentHashMap<>();
  private volatile boolean closed;

  PromptBroker(Consumer<PromptEvent> send, Redactor redactor, Duration timeout) {
    this.send = send;
    this.redactor = redactor;
    this.timeout = timeout;
  }

  /** The handler passed to the tunnel side for this client's requests. */
  PromptHandler handler() {
    return this::ask;
  }

  private CompletionStage<AnswerPrompt> ask(PromptEvent asked) {
    String id = "p-" + HexFormat.of().formatHex(randomBytes());
    PromptEvent prompt = new PromptEvent(id, asked.kind(), asked.profile(), asked.username(),
        asked.hint(), asked.message());
    CompletableFuture<AnswerPrompt> f = new CompletableFuture<>();
    if (closed) {
      return CompletableFuture.completedFuture(AnswerPrompt.cancel(id));
    }
    open.put(id, f);
    f.completeOnTimeout(AnswerPrompt.cancel(id), timeout.toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete((a, e) -> open.remove(id));
    send.accept(prompt);
    return f;
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[8];
    IDS.nextBytes(b);
    return b;
  }

  /** Delivers an answer; false when no such prompt is open for this client. */
  boolean answer(AnswerPrompt a) {
    CompletableFuture<AnswerPrompt> f = open.remove(a.promptId());
    if (f == null) {
      return false;
    }
    if (a.secret() != null) {
      redactor.track(a.secret());
    }
    return f.complete(a);
  }

  /** Cancels every open prompt (the client went away). */
  void close() {
    closed = true;
    open.forEach((id, f) -> f.complete(AnswerPrompt.cancel(id)));
    open.clear();
  }
}
