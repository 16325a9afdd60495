package dev.fulmar.core.ike.message;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Certificate Request payload, CERTREQ (RFC 7296 §3.7). For X.509 the Certification Authority field
 * is a concatenation of SHA-1 hashes of the trusted CAs' public keys (SubjectPublicKeyInfo), 20
 * octets each; it may be empty.
 *
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Next Payload  |C|  RESERVED   |         Payload Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Cert Encoding |                                               |
 * +-+-+-+-+-+-+-+-+                                               |
 * ~                    Certification Authority                    ~
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param encoding the requested certificate encoding
 * @param authority the Certification Authority field
 */
public record CertReqPayload(CertEncoding encoding, byte[] authority) implements Payload {

  /** Length of one SHA-1 key hash in an X.509 request. */
  public static final int KEY_HASH_LENGTH = 20;

  /** Validates and copies. */
  public CertReqPayload {
    Bytes.checkRange(encoding.value(), CertEncoding.MAX_VALUE, "certificate encoding");
    authority = Bytes.copy(authority, "authority");
    Bytes.checkBody(1 + authority.length, "CERTREQ payload");
  }

  /** An X.509 request naming the CAs by the SHA-1 hashes of their public keys. */
  public static CertReqPayload x509(List<byte[]> keyHashes) {
    ByteBuffer out = ByteBuffer.allocate(keyHashes.size() * KEY_HASH_LENGTH);
    for (byte[] hash : keyHashes) {
      if (hash.length != KEY_HASH_LENGTH) {
        throw new IllegalArgumentException("a CA key hash has 20 octets");
      }
      out.put(hash);
    }
    return new CertReqPayload(CertEncoding.X509_SIGNATURE, out.array());
  }

  @Override
  public byte[] authority() {
    return authority.clone();
  }

  /**
   * The 20-octet CA key hashes of an X.509 request. Octets after the last whole hash (a peer's
   * malformed field) are not returned.
   */
  public List<byte[]> authorityKeyHashes() {
    List<byte[]> hashes = new ArrayList<>();
    for (int i = 0; i + KEY_HASH_LENGTH <= authority.length; i += KEY_HASH_LENGTH) {
      hashes.add(Arrays.copyOfRange(authority, i, i + KEY_HASH_LENGTH));
    }
    return hashes;
  }

  @Override
  public PayloadType type() {
    return PayloadType.CERTREQ;
  }

  @Override
  public int bodyLength() {
    return 1 + authority.length;
  }

  @Override
  public void encodeBody(ByteBuffer out) {
    out.put((byte) encoding.value());
    out.put(authority);
  }

  static CertReqPayload decode(Reader body) throws InvalidSyntaxException {
    CertEncoding encoding = CertEncoding.valueOf(body.u8("Cert Encoding"));
    return new CertReqPayload(encoding, body.rest());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CertReqPayload c
        && c.encoding.equals(encoding)
        && Arrays.equals(c.authority, authority);
  }

  @Override
  public int hashCode() {
    return encoding.hashCode() * 31 + Arrays.hashCode(authority);
  }

  @Override
  public String toString() {
    return "CERTREQ(" + encoding + ", " + authority.length + " octets)";
  }
}
