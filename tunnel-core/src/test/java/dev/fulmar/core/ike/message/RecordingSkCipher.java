package dev.fulmar.core.ike.message;

import dev.fulmar.core.ike.crypto.SkCipher;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

/** Wraps an {@link SkCipher} and records the prefixes handed to seal and open. */
final class RecordingSkCipher implements SkCipher {

  final List<byte[]> sealedPrefixes = new ArrayList<>();
  final List<byte[]> openedPrefixes = new ArrayList<>();
  private final SkCipher delegate;

  RecordingSkCipher(SkCipher delegate) {
    this.delegate = delegate;
  }

  @Override
  public int sealedLength(int plaintextLength) {
    return delegate.sealedLength(plaintextLength);
  }

  @Override
  public int minimumSealedLength() {
    return delegate.minimumSealedLength();
  }

  @Override
  public byte[] seal(byte[] prefix, byte[] plaintext) throws GeneralSecurityException {
    sealedPrefixes.add(prefix.clone());
    return delegate.seal(prefix, plaintext);
  }

  @Override
  public byte[] open(byte[] prefix, byte[] body) throws GeneralSecurityException {
    openedPrefixes.add(prefix.clone());
    return delegate.open(prefix, body);
  }
}
