package dev.fulmar.core.ike.eap;

import java.nio.charset.StandardCharsets;

/**
 * EAP-GTC, Generic Token Card (RFC 3748 §5.6): the gateway sends a displayable prompt, the
 * client answers with the password (or token code) in clear inside the IKE SA.
 *
 * <p>It makes no MSK and does not authenticate the gateway: the gateway must already be
 * authenticated by its IKE certificate, which the engine checks before any EAP is answered. The
 * response is {@code password} alone, as strongSwan's eap-gtc expects (it also accepts
 * {@code user\0password}, which some RADIUS servers need; not used here).
 */
public final class EapGtc extends OneRoundPasswordMethod {

  private String lastPrompt = "";

  /** A method that answers with {@code password}; the caller wipes its array. */
  public EapGtc(char[] password) {
    super(password);
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
    answered();
    return password.clone();
  }

  /** The gateway's last prompt text (control characters replaced). */
  public String lastPrompt() {
    return lastPrompt;
  }
}
