/**
 * The runtime of the Toggl Track API v9 authentication client: {@link io.github.togglapi.client.ApiClient}
 * (connection, credentials, session), the exceptions, and what the generated API classes build on.
 * Nothing is null unless marked {@code @Nullable}.
 */
@NullMarked
package io.github.togglapi.client;

import org.jspecify.annotations.NullMarked;
