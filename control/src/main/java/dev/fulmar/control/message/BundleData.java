package dev.fulmar.control.message;

import java.util.Arrays;
import java.util.Objects;

/**
 * A diagnostics bundle (base64 in JSON). It holds no secret; users may send it to support.
 *
 * @param fileName a suggested file name, e.g. {@code fulmar-diagnostics-20260101-120000.zip}
 * @param zip the zip file's bytes
 */
public record BundleData(String fileName, byte[] zip) implements Response {
  public BundleData {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(zip, "zip");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BundleData b && b.fileName.equals(fileName) && Arrays.equals(b.zip, zip);
  }

  @Override
  public int hashCode() {
    return fileName.hashCode() * 31 + Arrays.hashCode(zip);
  }

  @Override
  public String toString() {
    return "BundleData[" + fileName + ", " + zip.length + " bytes]";
  }
}
