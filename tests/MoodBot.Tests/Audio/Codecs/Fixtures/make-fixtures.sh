#!/bin/sh
# Regenerates every fixture in this folder. Needs ffmpeg (with libmp3lame, libvorbis, libopus)
# and opus-tools; tests never run this. Output is our own synthetic tones, no licence issue.
set -eu
cd "$(dirname "$0")"
MIX='0.25*sin(2*PI*440*t)+0.25*sin(2*PI*1000*t)'
ff() { ffmpeg -hide_banner -loglevel error -y -bitexact "$@"; }

# WAV: 16-bit mono 22.05 kHz, 24-bit mono 16 kHz (extensible), float mono 8 kHz, 8-bit mono 11.025 kHz,
# 16-bit stereo 44.1 kHz with left 440 Hz / right 1 kHz (channel order check).
ff -f lavfi -i "aevalsrc=$MIX:s=22050:d=0.5" -metadata title="Fixture Tone" -metadata artist="MoodBot Tests" -c:a pcm_s16le tone-22k-mono-s16.wav
ff -f lavfi -i "aevalsrc=$MIX:s=16000:d=0.5" -c:a pcm_s24le tone-16k-mono-s24.wav
ff -f lavfi -i "aevalsrc=$MIX:s=8000:d=0.5" -c:a pcm_f32le tone-8k-mono-f32.wav
ff -f lavfi -i "aevalsrc=$MIX:s=11025:d=0.5" -c:a pcm_u8 tone-11k-mono-u8.wav
ff -f lavfi -i "aevalsrc=0.5*sin(2*PI*440*t)|0.5*sin(2*PI*1000*t):s=44100:d=0.1" -c:a pcm_s16le tone-44k-stereo-s16.wav

# Compressed, mono: MP3 2 s (ID3v2.4, the default) and 1 s (ID3v2.3), Ogg Vorbis 2 s, all 44.1 kHz; FLAC 0.5 s at 16 kHz.
ff -f lavfi -i "aevalsrc=$MIX:s=44100:d=2" -metadata title="Fixture Tone" -metadata artist="MoodBot Tests" -c:a libmp3lame -b:a 48k tone-44k-mono.mp3
ff -f lavfi -i "aevalsrc=$MIX:s=44100:d=1" -metadata title="Fixture Tone" -metadata artist="MoodBot Tests" -id3v2_version 3 -c:a libmp3lame -b:a 48k tone-44k-mono-id3v23.mp3
ff -f lavfi -i "aevalsrc=$MIX:s=44100:d=2" -metadata title="Fixture Tone" -metadata artist="MoodBot Tests" -c:a libvorbis -q:a 0 tone-44k-mono.ogg
ff -f lavfi -i "aevalsrc=$MIX:s=16000:d=0.5" -metadata title="Fixture Tone" -metadata artist="MoodBot Tests" -c:a flac tone-16k-mono.flac
# Stereo FLAC whose channels share the 440 Hz tone, so the encoder uses stereo decorrelation.
ff -f lavfi -i "aevalsrc=0.25*sin(2*PI*440*t)+0.25*sin(2*PI*1000*t)|0.25*sin(2*PI*440*t)-0.25*sin(2*PI*1000*t):s=8000:d=0.5" -c:a flac tone-8k-stereo.flac

# Ogg Opus from opusenc (an independent peer): 1 s stereo 44.1 kHz, left 440 Hz / right 1 kHz.
ff -f lavfi -i "aevalsrc=0.25*sin(2*PI*440*t)|0.25*sin(2*PI*1000*t):s=44100:d=1" -c:a pcm_s16le /tmp/moodbot-opus-src.wav
opusenc --quiet --bitrate 32 --serial 12345 --title "Fixture Tone" --artist "MoodBot Tests" /tmp/moodbot-opus-src.wav tone-44k-stereo.opus
rm /tmp/moodbot-opus-src.wav

# Damaged variants.
head -c 2500 tone-44k-stereo.opus > truncated.opus
cp tone-44k-stereo.opus bad-crc.opus
printf '\377' | dd of=bad-crc.opus bs=1 seek=1500 conv=notrunc status=none
head -c 2000 tone-44k-mono.ogg > truncated.ogg
head -c 30 tone-22k-mono-s16.wav > truncated-header.wav
head -c 5000 tone-22k-mono-s16.wav > truncated-data.wav
head -c 1500 tone-44k-mono.mp3 > truncated.mp3
printf 'This is a text file, not audio.\n' > not-audio.txt
