package dev.fulmar.core.ike.eap;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * What EAP-MD5 and EAP-GTC share: one answer computed from the password, no MSK (the IKE AUTH
 * that follows uses SK_pi/SK_pr, RFC 7296 §2.16), and, once answered, an EAP-Failure that can only
 * mean the credentials were rejected. The password is kept as UTF-8 only for the life of the
 * method and wiped by {@link #destroy()}.
 */
abstract class OneRoundPasswordMethod implements EapMethod {

  /** The password as UTF-8; the caller's array is not kept. */
  final byte[] password;

  private boolean answered;

  OneRoundPasswordMethod(char[] password) {
    this.password = new String(password).getBytes(StandardCharsets.UTF_8);
  }

  /** Records that our one answer has been sent. */
  final void answered() {
    answered = true;
  }

  @Override
  public final boolean isComplete() {
    return answered;
  }

  /** After our answer, an EAP-Failure can only mean the credentials were rejected. */
  @Override
  public final Optional<EapAuthenticationException> failure() {
    return answered ? Optional.of(new EapAuthenticationException(
        EapAuthenticationException.Reason.CREDENTIALS_REJECTED,
        "the gateway rejected the user name or password", null)) : Optional.empty();
  }

  /** These methods make no MSK. */
  @Override
  public final boolean producesMsk() {
    return false;
  }

  @Override
  public final Optional<byte[]> msk() {
    return Optional.empty();
  }

  /** Wipes the password. */
  @Override
  public final void destroy() {
    Arrays.fill(password, (byte) 0);
  }
}
