package dev.fulmar.core.ike.crypto;

import java.util.Objects;

/**
 * The two SK/SKF protectors of one IKE SA as seen by one side: {@code outbound} seals the messages
 * we send, {@code inbound} opens the messages we receive.
 */
public final class SkCiphers {

  private final SkCipher outbound;
  private final SkCipher inbound;

  SkCiphers(SkCipher outbound, SkCipher inbound) {
    this.outbound = Objects.requireNonNull(outbound);
    this.inbound = Objects.requireNonNull(inbound);
  }

  /** Seals what we send (SK_ei/SK_ai if we are the original initiator, else SK_er/SK_ar). */
  public SkCipher outbound() {
    return outbound;
  }

  /** Opens what we receive. */
  public SkCipher inbound() {
    return inbound;
  }
}
