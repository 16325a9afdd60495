package dev.fulmar.core.ike.auth;

import dev.fulmar.core.ike.crypto.Prf;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** PRF_HMAC_SHA2_256 (transform 5) for tests, independent of the crypto package. */
public final class HmacSha256Prf implements Prf {

  @Override
  public int transformId() {
    return 5;
  }

  @Override
  public int outputLength() {
    return 32;
  }

  @Override
  public int keyLength() {
    return 32;
  }

  @Override
  public byte[] apply(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      // HMAC pads keys with zeros, so an empty key equals a one-byte zero key.
      mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public byte[] expand(byte[] key, byte[] seed, int length) {
    if ((length + 31) / 32 > 255) {
      throw new IllegalArgumentException("prf+ limited to 255 blocks");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] t = new byte[0];
    for (int n = 1; out.size() < length; n++) {
      byte[] in = new byte[t.length + seed.length + 1];
      System.arraycopy(t, 0, in, 0, t.length);
      System.arraycopy(seed, 0, in, t.length, seed.length);
      in[in.length - 1] = (byte) n;
      t = apply(key, in);
      out.writeBytes(t);
    }
    byte[] all = out.toByteArray();
    return java.util.Arrays.copyOf(all, length);
  }
}
