/**
 * Credentials and the cookie session: {@link io.github.togglapi.client.auth.HttpBasicAuth},
 * {@link io.github.togglapi.client.auth.CookieStore} and {@link io.github.togglapi.client.auth.Session}.
 * Nothing is null unless marked {@code @Nullable}.
 */
@NullMarked
package io.github.togglapi.client.auth;

import org.jspecify.annotations.NullMarked;
