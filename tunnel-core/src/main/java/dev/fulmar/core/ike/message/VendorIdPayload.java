package dev.fulmar.core.ike.message;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Vendor ID payload, V (RFC 7296 §3.12): an opaque constant a vendor defines, often a hash.
 *
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Next Payload  |C|  RESERVED   |         Payload Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * ~                        Vendor ID (VID)                        ~
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param vendorId the vendor ID
 */
public record VendorIdPayload(byte[] vendorId) implements Payload {

  /** Validates and copies. */
  public VendorIdPayload {
    vendorId = Bytes.copy(vendorId, "vendorId");
    Bytes.checkBody(vendorId.length, "Vendor ID payload");
  }

  @Override
  public byte[] vendorId() {
    return vendorId.clone();
  }

  @Override
  public PayloadType type() {
    return PayloadType.VENDOR_ID;
  }

  @Override
  public int bodyLength() {
    return vendorId.length;
  }

  @Override
  public void encodeBody(ByteBuffer out) {
    out.put(vendorId);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VendorIdPayload v && Arrays.equals(v.vendorId, vendorId);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(vendorId);
  }

  @Override
  public String toString() {
    return "V(" + Bytes.brief(vendorId) + ")";
  }
}
