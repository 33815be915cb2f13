using System.Buffers;
using System.IO.Pipelines;

namespace LunaPoint.Modules.Events.Enrolment;

/// <summary>
/// Reads a body line by line without ever holding more than one line (capped) and the pipe's buffer: a
/// line past the cap is reported as too long and skipped to its end. Lines end with \n (a \r before it is dropped).
/// </summary>
internal sealed class LineReader(PipeReader body, int maxLineBytes)
{
    private readonly byte[] _line = new byte[maxLineBytes];
    private int _length;
    private bool _tooLong;

    /// <summary>Calls <paramref name="onLine"/> for each line (number from 1; the span is null for a line past the cap).</summary>
    public async Task ReadAllAsync(Func<int, ReadOnlyMemory<byte>?, Task> onLine, CancellationToken cancellationToken)
    {
        var number = 0;
        while (true)
        {
            var result = await body.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            while (TryTakeLine(ref buffer, out var complete))
            {
                if (complete)
                {
                    number++;
                    await onLine(number, _tooLong ? (ReadOnlyMemory<byte>?)null : Trimmed());
                    _length = 0;
                    _tooLong = false;
                }
            }

            body.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                if (_length > 0 || _tooLong)
                {
                    await onLine(number + 1, _tooLong ? (ReadOnlyMemory<byte>?)null : Trimmed());
                }

                return;
            }
        }
    }

    private ReadOnlyMemory<byte> Trimmed() =>
        _length > 0 && _line[_length - 1] == (byte)'\r' ? _line.AsMemory(0, _length - 1) : _line.AsMemory(0, _length);

    /// <summary>Moves bytes up to the next \n into the line; true with complete = true at a line end, true with false when the buffer ran out.</summary>
    private bool TryTakeLine(ref ReadOnlySequence<byte> buffer, out bool complete)
    {
        complete = false;
        if (buffer.IsEmpty)
        {
            return false;
        }

        var end = buffer.PositionOf((byte)'\n');
        var part = end is { } at ? buffer.Slice(0, at) : buffer;
        Append(part);
        buffer = end is { } stop ? buffer.Slice(buffer.GetPosition(1, stop)) : buffer.Slice(buffer.End);
        complete = end is not null;
        return true;
    }

    private void Append(ReadOnlySequence<byte> part)
    {
        if (_tooLong || _length + part.Length > _line.Length)
        {
            _tooLong = true;
            return;
        }

        part.CopyTo(_line.AsSpan(_length));
        _length += (int)part.Length;
    }
}
