package dev.fulmar.control.message;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Why and where bringing up (or keeping up) a tunnel failed, for the user: the step that failed,
 * a stable error code the UI localizes, the plain-language reason and fix in English, and the
 * facts behind them for a "details" fold.
 *
 * <p>{@code step} and {@code code} are the names of the engine's {@code FailureStep} and {@code
 * ErrorCode} (e.g. {@code IKE_AUTH}, {@code GATEWAY_IDENTITY_MISMATCH}); clients show unknown
 * names as they are. Well-known {@code details} keys: {@code notify} (the IKE notify the gateway
 * sent), {@code exchange}, {@code names} and {@code expected} (certificate name mismatch), {@code
 * subject}, {@code issuer}, {@code fingerprint} (SHA-256 of the gateway certificate), {@code
 * chain}. Details never hold secrets.
 *
 * @param step the failed step, e.g. {@code IKE_AUTH}
 * @param code the error code, e.g. {@code USER_AUTH_FAILED}
 * @param message the reason in plain English
 * @param fix what the user or administrator can do, in plain English
 * @param details the facts behind the reason, by name
 */
public record Failure(
    String step, String code, String message, String fix, Map<String, String> details) {

  public Failure {
    Objects.requireNonNull(step, "failure.step");
    Objects.requireNonNull(code, "failure.code");
    Objects.requireNonNull(message, "failure.message");
    fix = fix == null ? "" : fix;
    details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(
        new LinkedHashMap<>(details));
  }
}
