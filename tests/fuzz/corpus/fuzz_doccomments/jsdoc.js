/**
 * Renders a view.
 * @param {Object} opts - Options.
 * @param {string} [opts.title="x"] The title.
 * @returns {Promise<void>}
 * @throws {TypeError} On bad input.
 */
export async function render(opts) {}
