package io.github.togglapi.client;

import java.util.NoSuchElementException;

import org.jspecify.annotations.Nullable;

/**
 * The pages of a Reports API v3 search, fetched one at a time as they are asked for. Toggl pages
 * these searches by cursor: each answer's {@code X-Next-ID} and {@code X-Next-Row-Number} headers
 * say where the next page starts, and the next request passes them back as {@code first_id} and
 * {@code first_row_number}; an answer without them is the last page. The generated
 * {@code ...Pages} methods return one of these; nothing is fetched until {@link #next()}.
 *
 * <pre>{@code
 * ReportPages<List<DetailedGroupedTimeEntry>> pages =
 *     reports.searchDetailedReportTimeEntriesPages(workspaceId, filter);
 * while (pages.hasNext()) {
 *   for (DetailedGroupedTimeEntry row : pages.next()) { ... }
 * }
 * }</pre>
 *
 * <p>A cursor that does not move forward (the same {@code X-Next-ID} again, or a row number that
 * does not grow) ends the walk with an {@link ApiException} rather than asking for the same page
 * for ever.
 *
 * <p>Not thread-safe: one caller walks the pages.
 *
 * @param <T> the type of one page
 */
public final class ReportPages<T> {
  /** The answer's header that names the first entry of the next page. */
  public static final String NEXT_ID = "X-Next-ID";
  /** The answer's header that gives the row number of the first entry of the next page. */
  public static final String NEXT_ROW_NUMBER = "X-Next-Row-Number";

  private final Fetcher<T> fetcher;
  private boolean started;
  private @Nullable Long nextId;
  private @Nullable Long nextRowNumber;

  /**
   * Pages that the fetcher gets one by one.
   *
   * @param fetcher gets a page, given where it starts
   */
  public ReportPages(Fetcher<T> fetcher) {
    if (fetcher == null) {
      throw new NullPointerException("fetcher");
    }
    this.fetcher = fetcher;
  }

  /**
   * Returns true if there is a page to fetch: the first, or one the last answer pointed to.
   *
   * @return true if {@link #next()} has a page to fetch
   */
  public boolean hasNext() {
    return !started || nextId != null;
  }

  /**
   * Fetches the next page.
   *
   * @return the page
   * @throws ApiException if the call fails (the same page is asked for again by the next call), or
   *     if the answer's cursor does not move forward (the walk ends)
   * @throws NoSuchElementException if the last page has been fetched
   */
  public T next() throws ApiException {
    return nextWithHttpInfo().getData();
  }

  /**
   * Fetches the next page, with the status and headers.
   *
   * @return the page's answer
   * @throws ApiException if the call fails (the same page is asked for again by the next call), or
   *     if the answer's cursor does not move forward (the walk ends)
   * @throws NoSuchElementException if the last page has been fetched
   */
  public ApiResponse<T> nextWithHttpInfo() throws ApiException {
    if (!hasNext()) {
      throw new NoSuchElementException("The last page has been fetched");
    }
    ApiResponse<T> page = fetcher.fetch(nextId, nextRowNumber);
    started = true;
    Long id = number(page.getHeader(NEXT_ID));
    Long row = id == null ? null : number(page.getHeader(NEXT_ROW_NUMBER));
    if (id != null && (id.equals(nextId) || (row != null && nextRowNumber != null && row <= nextRowNumber))) {
      nextId = null; // the walk ends here
      throw new ApiException("The report's answer points at a page already asked for (" + NEXT_ID + " " + id
          + (row == null ? "" : ", " + NEXT_ROW_NUMBER + " " + row) + "): stopped rather than ask for it again",
          page.getStatusCode(), page.getHeaders(), null);
    }
    nextId = id;
    nextRowNumber = row;
    return page;
  }

  private static @Nullable Long number(@Nullable String header) {
    if (header == null || header.trim().isEmpty()) {
      return null;
    }
    try {
      return Long.valueOf(header.trim());
    } catch (NumberFormatException e) {
      return null; // not a cursor: there is no next page to ask for
    }
  }

  /**
   * Gets one page.
   *
   * @param <T> the type of one page
   */
  @FunctionalInterface
  public interface Fetcher<T> {
    /**
     * Gets the page that starts where given.
     *
     * @param firstId the {@code first_id} to send, or null for the first page
     * @param firstRowNumber the {@code first_row_number} to send, or null for the first page
     * @return the page's answer
     * @throws ApiException if the call fails
     */
    ApiResponse<T> fetch(@Nullable Long firstId, @Nullable Long firstRowNumber) throws ApiException;
  }
}
