package dev.fulmar.core.api;

/**
 * Receives the keys of each negotiated SA as lines of Wireshark's decryption tables, so a capture
 * can be read. Off unless a sink is set in {@link IkeSessionParams}; when it is, the engine logs a
 * warning that says what the key log exposes. Lines are complete UAT records without line end.
 */
public interface KeyLogSink {
  /** The two Wireshark UAT tables the engine writes. */
  enum Table {
    /** {@code ikev2_decryption_table}: SPIs, SK_ei/SK_er, SK_ai/SK_ar and their algorithms. */
    IKEV2_DECRYPTION_TABLE("ikev2_decryption_table"),
    /** {@code esp_sa}: addresses, SPI, encryption/authentication algorithm and key. */
    ESP_SA("esp_sa");

    private final String fileName;

    Table(String fileName) {
      this.fileName = fileName;
    }

    /** The file name Wireshark uses for this table in its profile directory. */
    public String fileName() {
      return fileName;
    }
  }

  /** Appends one record to a table. Called on the session's event loop; must not block long. */
  void append(Table table, String uatRecord);
}
