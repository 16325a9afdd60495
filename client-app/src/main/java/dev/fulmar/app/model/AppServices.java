package dev.fulmar.app.model;

import dev.fulmar.app.settings.Autostart;
import dev.fulmar.app.settings.SettingsStore;
import dev.fulmar.profiles.secrets.SecretStore;
import dev.fulmar.profiles.store.ProfileStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * What the app's controllers work with, passed in so that tests use temporary directories, an
 * in-memory keychain and a fake helper on a temporary socket.
 *
 * @param socket the helper's control socket
 * @param version this app's version (sent in {@code hello})
 * @param store the profile store
 * @param secretStore opens the keychain (called once, off the UI thread: it may be slow)
 * @param settingsStore where the app's settings live
 * @param autostart starting at login
 * @param demo where the first-run demo profile comes from, or null when there is none
 * @param ui the UI thread's executor
 * @param helperRetry the first delay before reconnecting to the helper
 */
public record AppServices(
    Path socket,
    String version,
    ProfileStore store,
    Supplier<SecretStore> secretStore,
    SettingsStore settingsStore,
    Autostart autostart,
    DemoSource demo,
    Executor ui,
    Duration helperRetry) {}
