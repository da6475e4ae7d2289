//! The shop's logo: decoded from PNG or JPEG bytes, flattened onto white and scaled
//! down to what a slip needs, once per document however many slips share it.

use std::io::Cursor;

use image::{DynamicImage, ImageFormat, ImageReader, Limits, Rgb, RgbImage};
use printpdf::RawImage;

use crate::error::SlipError;

/// The longest side kept, in pixels: 300 dpi over the largest logo box (about 60 mm).
const MAX_SIDE_PX: u32 = 720;
/// Larger images are refused rather than decoded.
const MAX_DECODED_SIDE_PX: u32 = 10_000;
const MAX_DECODE_BYTES: u64 = 256 * 1024 * 1024;

/// Where a slip finds its logo in the document: the image's index and its width
/// over height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct LogoRef {
    pub index: usize,
    pub aspect: f32,
}

/// A decoded logo, ready to embed.
#[derive(Debug, Clone)]
pub(crate) struct Logo {
    pub image: RawImage,
    /// Width over height.
    pub aspect: f32,
}

/// Checks that `bytes` is a PNG or JPEG logo the slip can draw.
///
/// [`render`](crate::render) skips a logo it cannot draw; this says why, for the
/// screen where the shop picks its logo.
pub fn check_logo(bytes: &[u8]) -> Result<(), SlipError> {
    decode_image(bytes).map(|_| ())
}

/// Decodes and prepares a logo.
pub(crate) fn decode(bytes: &[u8]) -> Result<Logo, SlipError> {
    let image = decode_image(bytes)?;
    let aspect = image.width() as f32 / image.height().max(1) as f32;
    let image =
        RawImage::from_dynamic_image(image).map_err(|reason| SlipError::BadLogo { reason })?;
    Ok(Logo { image, aspect })
}

fn decode_image(bytes: &[u8]) -> Result<DynamicImage, SlipError> {
    let bad = |reason: String| SlipError::BadLogo { reason };
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| bad(e.to_string()))?;
    match reader.format() {
        Some(ImageFormat::Png | ImageFormat::Jpeg) => {}
        Some(other) => return Err(bad(format!("{other:?} images are not supported"))),
        None => return Err(bad("not an image".to_string())),
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_DECODED_SIDE_PX);
    limits.max_image_height = Some(MAX_DECODED_SIDE_PX);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let image = reader.decode().map_err(|e| bad(e.to_string()))?;
    if image.width() == 0 || image.height() == 0 {
        return Err(bad("the image is empty".to_string()));
    }
    let image = if image.width().max(image.height()) > MAX_SIDE_PX {
        image.thumbnail(MAX_SIDE_PX, MAX_SIDE_PX)
    } else {
        image
    };
    Ok(DynamicImage::ImageRgb8(on_white(&image)))
}

/// The image composed over white paper, without an alpha channel.
fn on_white(image: &DynamicImage) -> RgbImage {
    let rgba = image.to_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let alpha = u16::from(a);
        let blend = |c: u8| ((u16::from(c) * alpha + 255 * (255 - alpha)) / 255) as u8;
        Rgb([blend(r), blend(g), blend(b)])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let image = DynamicImage::ImageRgba8(image::RgbaImage::from_pixel(
            width,
            height,
            image::Rgba([200, 30, 30, 128]),
        ));
        let mut bytes = Vec::new();
        image
            .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
            .expect("a PNG encodes in memory");
        bytes
    }

    #[test]
    fn accepts_png_and_keeps_the_aspect() {
        let logo = decode(&png(300, 100)).expect("a valid PNG decodes");
        assert!((logo.aspect - 3.0).abs() < 0.01);
    }

    #[test]
    fn large_logos_are_scaled_down() {
        let image = decode_image(&png(2000, 500)).expect("a valid PNG decodes");
        assert_eq!((image.width(), image.height()), (MAX_SIDE_PX, 180));
    }

    #[test]
    fn translucent_pixels_are_flattened_onto_white() {
        let image = decode_image(&png(2, 2))
            .expect("a valid PNG decodes")
            .to_rgb8();
        assert_eq!(image.get_pixel(0, 0).0, [227, 142, 142]);
    }

    #[test]
    fn garbage_and_other_formats_are_bad_logos() {
        assert_eq!(
            check_logo(b"not an image").map_err(|e| e.code().as_str()),
            Err("slip.bad_logo")
        );
        let mut truncated = png(40, 40);
        truncated.truncate(60);
        assert_eq!(
            check_logo(&truncated).map_err(|e| e.code().as_str()),
            Err("slip.bad_logo")
        );
        let gif = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;";
        assert_eq!(
            check_logo(gif).map_err(|e| e.code().as_str()),
            Err("slip.bad_logo")
        );
    }
}
