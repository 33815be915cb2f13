using LunaPoint.Modules.Detection.Inference;
using OpenCvSharp;
using Xunit.Abstractions;

namespace LunaPoint.Tests.Modules.Detection.Inference;

/// <summary>Landmarks, head pose and sharpness as decoded here, pinned on real photos.</summary>
[Collection(FaceEngineCollection.Name)]
public sealed class FaceLandmarkPoseTests(FaceEngineFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData("astronaut.png")]
    [InlineData("facereg.jpg")]
    [InlineData("faceDetection.png")]
    [InlineData("lbp_yale.jpg")]
    public async Task Landmarks_LieInTheBox_InTheirOrder(string photo)
    {
        using var image = FaceEngineFixture.Load(photo);
        foreach (var face in await fixture.Engine.DetectAsync(image, new DetectOptions(), CancellationToken.None))
        {
            var points = (await fixture.Engine.LandmarksAsync(image, face.Box, CancellationToken.None)).Points5;
            var (leftEye, rightEye, nose, mouthLeft, mouthRight) = (points[0], points[1], points[2], points[3], points[4]);
            var box = face.Box;
            var where = $"{photo} face {box}: {string.Join(" ", points.Select(p => $"({p.X:0},{p.Y:0})"))}";

            Assert.All(points, p => Assert.True(p.X >= box.Left && p.X <= box.Right && p.Y >= box.Top && p.Y <= box.Bottom, where));
            Assert.True(leftEye.X < nose.X && nose.X < rightEye.X, "eyes either side of the nose: " + where);
            Assert.True(mouthLeft.X < mouthRight.X, "mouth corners in order: " + where);
            Assert.True(Math.Max(leftEye.Y, rightEye.Y) < nose.Y && nose.Y < Math.Min(mouthLeft.Y, mouthRight.Y), "eyes above the nose above the mouth: " + where);
        }
    }

    [Fact]
    public async Task Pose_FrontalIsNearZero_Rotated30DegreesReadsRollNear30_FlipMirrorsYaw()
    {
        using var image = FaceEngineFixture.Load("astronaut.png");
        var face = await FacePipeline.LargestFaceAsync(fixture.Engine, image);
        var centre = new Point2f(face.Box.X + face.Box.Width / 2, face.Box.Y + face.Box.Height / 2);
        using var rotation = Cv2.GetRotationMatrix2D(centre, 30, 1); // counter-clockwise in the image
        using var rotated = image.WarpAffine(rotation, image.Size());

        var frontal = await fixture.Engine.PoseAsync(image, face.Box, CancellationToken.None);
        var tilted = await fixture.Engine.PoseAsync(rotated, face.Box, CancellationToken.None);
        output.WriteLine($"frontal {frontal}, rotated 30 ccw {tilted}");

        Assert.InRange(frontal.Yaw, -10, 10);
        Assert.InRange(frontal.Roll, -10, 10);
        Assert.InRange(tilted.Roll, -38, -22);
        Assert.InRange(tilted.Yaw, -12, 12);
    }

    [Fact]
    public async Task Pose_OfATurnedFace_ChangesYawSignWhenFlipped()
    {
        // The astronaut's face with its right half squeezed would be synthetic; a real turned face is the
        // woman of faceDetection.png looking past the camera.
        using var image = FaceEngineFixture.Load("faceDetection.png");
        using var mirrored = image.Flip(FlipMode.Y);
        var face = await FacePipeline.LargestFaceAsync(fixture.Engine, image);
        var mirroredFace = await FacePipeline.LargestFaceAsync(fixture.Engine, mirrored);

        var pose = await fixture.Engine.PoseAsync(image, face.Box, CancellationToken.None);
        var flipped = await fixture.Engine.PoseAsync(mirrored, mirroredFace.Box, CancellationToken.None);
        output.WriteLine($"faceDetection.png {pose}, mirrored {flipped}");

        Assert.True(Math.Abs(pose.Yaw) >= 10, $"yaw {pose.Yaw:0.0}: the face is not turned enough to test the sign");
        Assert.True(Math.Sign(pose.Yaw) == -Math.Sign(flipped.Yaw), $"yaw {pose.Yaw:0.0}, mirrored {flipped.Yaw:0.0}");
        Assert.InRange(pose.Yaw + flipped.Yaw, -8, 8);
    }

    [Fact]
    public async Task Sharpness_DropsUnderBlur()
    {
        using var image = FaceEngineFixture.Load("astronaut.png");
        var face = await FacePipeline.LargestFaceAsync(fixture.Engine, image);
        using var blurred = image.GaussianBlur(new Size(9, 9), 2);

        var sharp = FaceEngine.Sharpness(image, face.Box);
        var soft = FaceEngine.Sharpness(blurred, face.Box);
        output.WriteLine($"sharpness {sharp:0.000}, blurred {soft:0.000}");

        Assert.InRange(sharp, 0, 1);
        Assert.True(soft < sharp * 0.6, $"sharp {sharp:0.000}, blurred {soft:0.000}");
    }
}
