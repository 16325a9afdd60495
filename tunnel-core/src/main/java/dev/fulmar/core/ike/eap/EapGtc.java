package dev.fulmar.core.ike.eap;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * EAP-GTC, Generic Token Card (RFC 3748 §5.6): the gateway sends a displayable prompt, the
 * client answers with the password (or token code) in clear inside the IKE SA.
 *
 * <p>It makes no MSK and does not authenticate the gateway: the gateway must already be
 * authenticated by its IKE certificate, which the engine checks before any EAP is answered. The
 * response is {@code password} alone, as strongSwan's eap-gtc expects (it also accepts
 * {@code user\0password}, which some RADIUS servers need; not used here).
 */
public final class EapGtc implements EapMethod {

  private final byte[] password;
  private String lastPrompt = "";
  private boolean answered;

  /** A method that answers with {@code password}; the caller wipes its array. */
  public EapGtc(char[] password) {
    this.password = new String(password).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public EapType type() {
    return EapType.GTC;
  }

  @Override
  public byte[] process(int identifier, byte[] td) {
    StringBuilder b = new StringBuilder();
    String prompt = new String(td, StandardCharsets.UTF_8);
    prompt.codePoints().limit(200)
        .forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    lastPrompt = b.toString();
    answered = true;
    return password.clone();
  }

  /** The gateway's last prompt text (control characters replaced). */
  public String lastPrompt() {
    return lastPrompt;
  }

  @Override
  public boolean isComplete() {
    return answered;
  }

  /** After our answer, an EAP-Failure can only mean the credentials were rejected. */
  @Override
  public Optional<EapAuthenticationException> failure() {
    return answered ? Optional.of(new EapAuthenticationException(
        EapAuthenticationException.Reason.CREDENTIALS_REJECTED,
        "the gateway rejected the user name or password", null)) : Optional.empty();
  }

  /** EAP-GTC makes no MSK. */
  @Override
  public boolean producesMsk() {
    return false;
  }

  @Override
  public Optional<byte[]> msk() {
    return Optional.empty();
  }

  /** Wipes the password. */
  public void destroy() {
    Arrays.fill(password, (byte) 0);
  }
}
