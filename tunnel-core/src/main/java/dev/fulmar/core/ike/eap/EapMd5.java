package dev.fulmar.core.ike.eap;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * EAP-MD5-Challenge (RFC 3748 §5.4, CHAP as in RFC 1994), for gateways configured for it.
 *
 * <pre>
 *  Type-Data: Value-Size | Value | Name
 *  Response Value = MD5(Identifier | password | challenge)
 * </pre>
 *
 * <p>It makes no MSK ({@link #producesMsk()} is false), and it does not authenticate the gateway:
 * the gateway must already be authenticated by its IKE certificate. MD5 is the method's own,
 * protected by the IKE SA; the password is kept (as UTF-8) only for the life of this object and
 * wiped by {@link #destroy()}.
 */
public final class EapMd5 extends OneRoundPasswordMethod {

  private final byte[] name;

  /** A method that answers with {@code password}; the caller wipes its array. */
  public EapMd5(String identity, char[] password) {
    super(password);
    this.name = identity.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public EapType type() {
    return EapType.MD5_CHALLENGE;
  }

  @Override
  public byte[] process(int identifier, byte[] td) throws EapFormatException {
    if (td.length < 1 || td[0] == 0 || 1 + (td[0] & 0xff) > td.length) {
      throw new EapFormatException("EAP-MD5 Value-Size at offset 0 does not fit the "
          + td.length + " bytes of the challenge");
    }
    byte[] challenge = Arrays.copyOfRange(td, 1, 1 + (td[0] & 0xff));
    byte[] value;
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      md5.update((byte) identifier);
      md5.update(password);
      md5.update(challenge);
      value = md5.digest();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("MD5 is not available", e);
    }
    byte[] out = new byte[1 + value.length + name.length];
    out[0] = (byte) value.length;
    System.arraycopy(value, 0, out, 1, value.length);
    System.arraycopy(name, 0, out, 1 + value.length, name.length);
    answered();
    return out;
  }
}
