package dev.fulmar.core.ike.message;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Certificate payload, CERT (RFC 7296 §3.6): one certificate or CRL in the given encoding, usually
 * a DER X.509 certificate ({@link CertEncoding#X509_SIGNATURE}).
 *
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Next Payload  |C|  RESERVED   |         Payload Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Cert Encoding |                                               |
 * +-+-+-+-+-+-+-+-+                                               |
 * ~                       Certificate Data                        ~
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param encoding the certificate encoding
 * @param data the certificate data
 */
public record CertPayload(CertEncoding encoding, byte[] data) implements Payload {

  /** Validates and copies. */
  public CertPayload {
    Bytes.checkRange(encoding.value(), CertEncoding.MAX_VALUE, "certificate encoding");
    data = Bytes.copy(data, "data");
    Bytes.checkBody(1 + data.length, "CERT payload");
  }

  /** A DER-encoded X.509 certificate. */
  public static CertPayload x509(byte[] der) {
    return new CertPayload(CertEncoding.X509_SIGNATURE, der);
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  @Override
  public PayloadType type() {
    return PayloadType.CERT;
  }

  @Override
  public int bodyLength() {
    return 1 + data.length;
  }

  @Override
  public void encodeBody(ByteBuffer out) {
    out.put((byte) encoding.value());
    out.put(data);
  }

  static CertPayload decode(Reader body) throws InvalidSyntaxException {
    CertEncoding encoding = CertEncoding.valueOf(body.u8("Cert Encoding"));
    return new CertPayload(encoding, body.rest());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CertPayload c && c.encoding.equals(encoding) && Arrays.equals(c.data, data);
  }

  @Override
  public int hashCode() {
    return encoding.hashCode() * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "CERT(" + encoding + ", " + data.length + " octets)";
  }
}
