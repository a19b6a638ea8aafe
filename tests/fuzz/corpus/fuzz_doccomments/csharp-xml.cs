/// <summary>
/// Opens the <see cref="Door"/>.
/// </summary>
/// <param name="force">Kick it.</param>
public void Open(bool force) {}
